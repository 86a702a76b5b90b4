package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.XmlParser;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * XSD validation of CycloneDX XML, streaming (SAX), every problem with its element path ({@code
 * /bom/components/component[2]/modelCard}) and line. CycloneDX 1.5, 1.6 and 1.7 use the official schemas bundled
 * under {@code sbom/schema/} (1.5.1, 1.6.2, 1.7.2 — newer than cyclonedx-core-java's, which still had the
 * model-card {@code maxOccurs=1} errors fixed in 1.6.2); 1.4 uses cyclonedx-core-java's. Parsing is hardened: any
 * DOCTYPE is refused, no external entity or schema is fetched.
 */
final class CycloneDxXsdValidator {
    private static final int MAX_SCHEMA_ERRORS = 1000;
    private static final String BUNDLED = "schema/";
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private CycloneDxXsdValidator() {}

    static void validate(SbomSource source, String specVersion, List<Problem> problems) throws IOException {
        String file = source.name();
        try (InputStream in = source.open()) {
            ValidatorHandler validator = schema(specVersion).newValidatorHandler();
            PathTracker tracker = new PathTracker();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException e) {
                    add(e);
                }

                @Override
                public void fatalError(SAXParseException e) {
                    add(e);
                }

                private void add(SAXParseException e) {
                    if (problems.size() < MAX_SCHEMA_ERRORS) {
                        String message = e.getMessage() == null ? "does not match the schema" : e.getMessage();
                        problems.add(Problem.of("schema.xsd", message, Location.ofPointer(file, tracker.path(),
                                Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()))));
                    }
                }
            });
            XMLReader reader = hardenedReader();
            tracker.setParent(reader);
            tracker.setContentHandler(validator);
            tracker.setErrorHandler(validator.getErrorHandler());
            tracker.parse(new InputSource(in));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(Problem.of("schema.xsd", "XML schema validation failed", Location.ofFile(file)));
            }
        }
    }

    /** The compiled schema of a CycloneDX version (cached). */
    static Schema schema(String specVersion) {
        return SCHEMAS.computeIfAbsent(specVersion, v -> {
            try {
                if ("1.4".equals(v)) {
                    return new XmlParser().getXmlSchema(Version.fromVersionString(v));
                }
                SchemaFactory factory = SchemaFactory.newDefaultInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                // the SPDX licence schema first: the bom schema's import of its namespace is then already satisfied
                return factory.newSchema(new StreamSource[] {source("spdx.xsd"), source("bom-" + v + ".xsd")});
            } catch (SAXException e) {
                throw new IllegalStateException("bundled CycloneDX " + v + " XSD does not compile", e);
            }
        });
    }

    private static StreamSource source(String name) {
        URL url = CycloneDxXsdValidator.class.getResource(BUNDLED + name);
        if (url == null) {
            throw new IllegalStateException("bundled schema " + name + " is missing");
        }
        return new StreamSource(url.toExternalForm());
    }

    private static XMLReader hardenedReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no hardened SAX parser", e);
        }
    }

    /** Keeps the element path (with [n] for repeated siblings) current while events pass to the validator. */
    private static final class PathTracker extends XMLFilterImpl {
        private final Deque<String> path = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> siblings = new ArrayDeque<>();

        PathTracker() {
            siblings.push(new HashMap<>());
        }

        String path() {
            return path.isEmpty() ? "/" : path.peek();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            int n = siblings.peek().merge(localName, 1, Integer::sum);
            String parent = path.isEmpty() ? "" : path.peek();
            path.push(parent + "/" + localName + (n > 1 ? "[" + n + "]" : ""));
            siblings.push(new HashMap<>());
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            siblings.pop();
            path.pop();
        }
    }
}
