package io.livecomplaints.testkit.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, the request line sent exactly as given: the JDK client refuses TRACE and normalises or
 * refuses some paths (encoded slashes, {@code %00}, {@code ..}), a hostile client does not. Reads until the server closes.
 */
public final class RawHttp {

    /** Status, Content-Type (lower case, "" if none) and body of an answer. */
    public record Response(int statusCode, String contentType, String body) {
        public boolean isProblemJson() {
            return contentType.contains("application/problem+json");
        }
    }

    private RawHttp() {
    }

    public static Response send(int port, String method, String path, String token) throws IOException {
        return send(port, method, path, token, null, null);
    }

    public static Response send(int port, String method, String path, String token, String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\nAccept: */*\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(answer);
            } catch (IOException e) {
                // a reset after the answer was sent (the server closes early on a refused body) still leaves the answer
                if (answer.size() == 0) {
                    throw e;
                }
            }
            return parse(answer.toString(StandardCharsets.UTF_8));
        }
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = lower.substring("content-type:".length()).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        return new Response(status, contentType, chunked ? dechunk(body) : body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; our bodies are what we assert on, close enough for ASCII/UTF-8 JSON
            int start = lineEnd + 2;
            int stop = Math.min(body.length(), start + size);
            out.append(body, start, stop);
            at = stop + 2;
        }
        return out.toString();
    }
}
