package io.jenkins.plugins.securedeploy.engine.json;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.ClasspathResourceLoader;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.MapSchemaIdResolver;
import com.networknt.schema.resource.SchemaIdResolver;
import com.networknt.schema.resource.SchemaLoader;
import com.networknt.schema.serialization.DefaultNodeReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place the engine builds json-schema-validator registries. They never ask the thread's context class loader
 * for a schema: json-schema-validator 2.0.1 resolves every {@code classpath:} IRI (mapped schema ids and its own
 * meta-schemas) through {@code ClasspathResourceLoader}, whose default supplier is
 * {@code Thread.currentThread().getContextClassLoader()}, and {@code SchemaLoader.getSchemaResource} asks that loader
 * before any configured one. Inside Jenkins the context loader of a Pipeline step thread is core's, which cannot see
 * the schemas bundled in the plugin ({@code FileNotFoundException: classpath:bom-1.6.schema.json}). The registries
 * made here use a {@link SchemaLoader} whose class-path lookups go to the class loader the caller names — the loader
 * of the library that ships the schemas — and fetch nothing remote.
 */
public final class SchemaRegistries {
    private SchemaRegistries() {}

    /**
     * A registry for {@code dialect} whose schemas are read with the engine's strict mapper, with {@code idMappings}
     * from schema ids to {@code classpath:} resources of {@code resources}.
     */
    public static SchemaRegistry create(SpecificationVersion dialect, Map<String, String> idMappings,
            ClassLoader resources, SchemaRegistryConfig config) {
        Objects.requireNonNull(resources, "resources");
        List<SchemaIdResolver> resolvers = idMappings.isEmpty() ? List.of()
                : List.of(new MapSchemaIdResolver(Map.copyOf(idMappings)));
        SchemaLoader loader = new NamedLoaderSchemaLoader(resolvers, resources);
        return SchemaRegistry.withDefaultDialect(dialect, b -> b
                .nodeReader(DefaultNodeReader.builder().jsonMapper(Json.strict().mapper()).build())
                .schemaRegistryConfig(config)
                .schemaLoader(loader));
    }

    /** A schema loader whose class-path lookups use a named class loader instead of the thread's context loader. */
    static final class NamedLoaderSchemaLoader extends SchemaLoader {
        private final ClasspathResourceLoader classpath;

        NamedLoaderSchemaLoader(List<SchemaIdResolver> resolvers, ClassLoader resources) {
            super(resolvers, List.of());
            this.classpath = new ClasspathResourceLoader(() -> resources);
        }

        @Override
        protected InputStreamSource getClasspathResource(AbsoluteIri absoluteIri) {
            return classpath.getResource(absoluteIri);
        }
    }
}
