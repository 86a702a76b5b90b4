package io.jenkins.plugins.securedeploy.cli.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A calendar day as {@code YYYY-MM-DD} (ISO-8601); anything else is a usage error in plain words. */
public final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2026-12-01");
        }
    }
}
