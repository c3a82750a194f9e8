package io.chatroi.common.logging;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * One JSON object per log line, for log pipelines on Kubernetes: time, level, service, logger, thread, message, the
 * request's {@code requestId}, {@code traceId} and {@code spanId} (from the MDC, when a request or span is current)
 * and a stack trace when there is one. Written by hand (no JSON library on the logging path, no allocation beyond
 * the line).
 */
public final class JsonLogFormat extends ExtFormatter {

    private static final String[] MDC_KEYS = {"requestId", "traceId", "spanId"};

    private final String service;

    public JsonLogFormat(String service) {
        this.service = service;
    }

    @Override
    public String format(ExtLogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        field(line, "level", record.getLevel().getName());
        field(line, "service", service);
        field(line, "logger", record.getLoggerName());
        field(line, "thread", record.getThreadName());
        field(line, "message", formatMessage(record));
        for (String key : MDC_KEYS) {
            String value = record.getMdc(key);
            if (value != null && !value.isEmpty()) {
                field(line, key, value);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(line, "exception", trace.toString());
        }
        line.setCharAt(line.length() - 1, '}');
        return line.append('\n').toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            line.append("null,");
            return;
        }
        line.append('"');
        escape(line, value);
        line.append("\",");
    }

    static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
