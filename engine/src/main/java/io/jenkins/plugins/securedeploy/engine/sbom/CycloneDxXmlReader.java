package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * CycloneDX XML 1.4–1.7, in two streaming passes: a hardened StAX pass (any DOCTYPE is refused: no DTDs, no
 * external entities) that finds the version from the namespace, collects the summary and makes the semantic checks
 * (duplicate bom-ref, bad purl, dependency refs of the BOM's dependency graph that name no component or service),
 * then XSD validation ({@link CycloneDxXsdValidator}). Locations are an element path and a line.
 */
final class CycloneDxXmlReader {
    private static final Map<String, String> NAMESPACES = Map.of(
            "http://cyclonedx.org/schema/bom/1.4", "1.4",
            "http://cyclonedx.org/schema/bom/1.5", "1.5",
            "http://cyclonedx.org/schema/bom/1.6", "1.6",
            "http://cyclonedx.org/schema/bom/1.7", "1.7");

    private static final class Comp {
        final Map<String, String> fields = new HashMap<>();
        final Map<String, String> hashes = new TreeMap<>();
        final List<String> licenses = new ArrayList<>();
        String path;
        int line;
        boolean metadata;
    }

    ValidationReport validate(SbomSource source, Digest sha256) throws IOException {
        String file = source.name();
        List<Problem> problems = new ArrayList<>();
        List<SbomComponent> components = new ArrayList<>();
        List<DescribedArtifact> artifacts = new ArrayList<>();
        Map<String, String> bomRefs = new HashMap<>();
        List<String[]> depRefs = new ArrayList<>();
        String specVersion = "";
        String serial = "";
        // named loader: newFactory() would search the thread's context class loader (core's, inside Jenkins) and pick
        // a different StAX implementation there than here
        XMLInputFactory factory = XMLInputFactory.newFactory(XMLInputFactory.class.getName(),
                CycloneDxXmlReader.class.getClassLoader());
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = io.jenkins.plugins.securedeploy.engine.json.Json.strict().bounded(source.open())) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            Deque<String> path = new ArrayDeque<>();
            Deque<Comp> open = new ArrayDeque<>();
            Map<String, Integer> counters = new HashMap<>();
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                int line = r.getLocation().getLineNumber();
                if (event == XMLStreamConstants.DTD) {
                    problems.add(Problem.of("xml.doctype", "DOCTYPE declarations are refused (no DTDs or entities)",
                            Location.of(file, line, 0)));
                    return new ValidationReport(file, SbomFormat.CYCLONEDX_XML, "", problems, Optional.empty());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    String parent = path.isEmpty() ? "" : path.peek();
                    int index = counters.merge(parent + "/" + name + "#" + path.size(), 1, Integer::sum);
                    String here = parent + "/" + name + (index > 1 || "component".equals(name) ? "[" + index + "]" : "");
                    path.push(here);
                    text.setLength(0);
                    if (path.size() == 1) {
                        specVersion = NAMESPACES.getOrDefault(r.getNamespaceURI(), "");
                        serial = attr(r, "serialNumber");
                        if (specVersion.isEmpty()) {
                            problems.add(Problem.of("cyclonedx.spec-version.unsupported", "root element must be bom in"
                                    + " a CycloneDX 1.4-1.7 namespace", Location.ofPointer(file, here, line, 0)));
                        }
                    } else if ("component".equals(name)) {
                        Comp c = new Comp();
                        c.path = here;
                        c.line = line;
                        c.metadata = parent.endsWith("/metadata");
                        c.fields.put("type", attr(r, "type"));
                        c.fields.put("bom-ref", attr(r, "bom-ref"));
                        open.push(c);
                    } else if ("hash".equals(name) && !open.isEmpty()) {
                        open.peek().fields.put("#alg", attr(r, "alg"));
                    } else if ("dependency".equals(name) && here.startsWith("/bom/dependencies/")) {
                        // the BOM's dependency graph only, as in JSON: formulation has dependencies of its own
                        depRefs.add(new String[] {attr(r, "ref"), here, String.valueOf(line)});
                    } else if ("service".equals(name) && here.startsWith("/bom/services/")) {
                        String ref = attr(r, "bom-ref");
                        if (!ref.isEmpty()) {
                            String first = bomRefs.putIfAbsent(ref, here);
                            if (first != null) {
                                problems.add(Problem.of("cyclonedx.duplicate-bom-ref", "bom-ref is already used at "
                                        + first + "; bom-refs must be unique", Location.ofPointer(file,
                                                here + "/@bom-ref", line, 0)));
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    String here = path.pop();
                    counters.keySet().removeIf(k -> k.startsWith(here + "/"));
                    Comp c = open.peek();
                    String value = text.toString().strip();
                    if (c != null && "component".equals(name)) {
                        open.pop();
                        finish(c, file, problems, bomRefs, components, artifacts);
                    } else if (c != null && here.startsWith(c.path + "/")) {
                        String rel = here.substring(c.path.length() + 1).replaceAll("\\[\\d+]", "");
                        switch (rel) {
                            case "name", "group", "version", "purl", "scope" -> c.fields.put(rel, value);
                            case "hashes/hash" -> c.hashes.put(c.fields.getOrDefault("#alg", ""), value);
                            case "licenses/license/id", "licenses/license/name", "licenses/expression" ->
                                    c.licenses.add(value);
                            default -> { }
                        }
                        if ("purl".equals(rel)) {
                            c.fields.put("#purl-line", String.valueOf(r.getLocation().getLineNumber()));
                        }
                    }
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            problems.add(Problem.of("xml.malformed", "not well-formed XML", Location.of(file, line, 0)));
            return new ValidationReport(file, SbomFormat.CYCLONEDX_XML, specVersion, problems, Optional.empty());
        }
        for (String[] d : depRefs) {
            if (!d[0].isEmpty() && !bomRefs.containsKey(d[0])) {
                problems.add(Problem.of("cyclonedx.dependency-ref", "dependency names a bom-ref no component or "
                        + "service has",
                        Location.ofPointer(file, d[1], Integer.parseInt(d[2]), 0)));
            }
        }
        if (!specVersion.isEmpty()) {
            CycloneDxXsdValidator.validate(source, specVersion, problems);
        }
        SbomSummary summary = new SbomSummary(file, SbomFormat.CYCLONEDX_XML, specVersion, serial, sha256,
                artifacts, components);
        return new ValidationReport(file, SbomFormat.CYCLONEDX_XML, specVersion, problems, Optional.of(summary));
    }

    private static void finish(Comp c, String file, List<Problem> problems, Map<String, String> bomRefs,
            List<SbomComponent> components, List<DescribedArtifact> artifacts) {
        String bomRef = c.fields.getOrDefault("bom-ref", "");
        if (!bomRef.isEmpty()) {
            String first = bomRefs.putIfAbsent(bomRef, c.path);
            if (first != null) {
                problems.add(Problem.of("cyclonedx.duplicate-bom-ref", "bom-ref is already used at " + first
                        + "; bom-refs must be unique", Location.ofPointer(file, c.path + "/@bom-ref", c.line, 0)));
            }
        }
        String purl = c.fields.getOrDefault("purl", "");
        if (c.fields.containsKey("purl")) {
            Purls.problem(purl).ifPresent(why -> problems.add(Problem.of("cyclonedx.purl", "invalid package URL: "
                    + why, Location.ofPointer(file, c.path + "/purl",
                            Integer.parseInt(c.fields.getOrDefault("#purl-line", "0")), 0))));
        }
        String name = c.fields.getOrDefault("name", "");
        if (!c.metadata) {
            String eco = purl.startsWith("pkg:") && purl.indexOf('/') > 4 ? purl.substring(4, purl.indexOf('/')) : "";
            components.add(new SbomComponent(eco, c.fields.get("group"), name, c.fields.get("version"), purl,
                    c.licenses, c.hashes, c.fields.get("scope"), bomRef));
        }
        if (c.metadata || "file".equals(c.fields.get("type"))) {
            CycloneDxComponentReader.digests(c.hashes).ifPresent(d -> artifacts.add(new DescribedArtifact(name, d)));
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? "" : v;
    }
}
