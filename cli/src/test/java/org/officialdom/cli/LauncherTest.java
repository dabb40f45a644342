package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build says what it is doing: that it takes about two minutes, then Maven's
 * progress module by module, and when the build fails, that it failed and how to see why. Maven is
 * stood in for by a script printing what Maven prints (OFFICIALDOM_MVN), in a copy of the launcher
 * with no jar beside it.
 */
class LauncherTest {

    @Test
    void theFirstBuildSaysHowLongItTakesAndShowsMavensProgress(@TempDir Path dir) throws Exception {
        Path launcher = Path.of(System.getProperty("basedir", "."), "..", "officialdom").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/bash")),
                "needs the launcher " + launcher + " and bash");
        Path root = dir.resolve("copy");
        Files.createDirectories(root);
        Files.copy(launcher, root.resolve("officialdom"));
        Path mvn = dir.resolve("fake-mvn");
        Files.writeString(mvn, """
                #!/usr/bin/env bash
                echo "[INFO] Scanning for projects..."
                echo "[INFO] Building Officialdom engine 0.1.0-SNAPSHOT                                  [1/3]"
                echo "[INFO] Compiling 40 source files with javac [debug release 17] to target/classes"
                echo "[INFO] Building jar: /somewhere/engine.jar"
                echo "[INFO] Building Officialdom model 0.1.0-SNAPSHOT                                   [2/3]"
                echo "[ERROR] Failed to execute goal on project officialdom-model: something"
                exit 1
                """);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("officialdom").toString(), "--help");
        pb.environment().put("OFFICIALDOM_MVN", mvn.toString());
        pb.redirectErrorStream(false);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).contains("first build: it takes about 2 minutes")
                .contains("officialdom: building Officialdom engine 0.1.0-SNAPSHOT [1/3]")
                .contains("officialdom: building Officialdom model 0.1.0-SNAPSHOT [2/3]")
                .contains("[ERROR] Failed to execute goal")
                .contains("officialdom: build failed")
                .doesNotContain("Compiling").doesNotContain("Building jar").doesNotContain("Scanning");
    }
}
