package io.chatroi.deploycheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} (dev/test installs Debian's kubernetes-client if needed). */
public final class Kustomize {

    private Kustomize() {
    }

    public static String render(Path directory) {
        Path err = null;
        try {
            err = Files.createTempFile("kustomize", ".err");
            Process process;
            try {
                process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("kubectl is not installed, so the manifests cannot be rendered. Install it "
                        + "(Debian: apt-get install -y kubernetes-client; dev/test does this when run as root) and run again.", e);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(err));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
