package org.officialdom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code officialdom serve}: loopback by default, its address printed, bad options refused. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void servesOnLoopbackByDefaultAndPrintsItsAddress() throws Exception {
        ServeCommand cmd = new ServeCommand();
        cmd.block = false;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(cmd).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--port", "0", "--out", dir.toString());
        try {
            assertThat(code).isZero();
            assertThat(cmd.started.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(out.toString()).startsWith("Officialdom is at http://127.0.0.1:" + cmd.started.port() + "/");
            assertThat(err.toString()).isEmpty();
            var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cmd.started.uri().toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        } finally {
            cmd.started.close();
        }
    }

    @Test
    void anotherHostGetsAWarning() {
        ServeCommand cmd = new ServeCommand();
        cmd.block = false;
        StringWriter err = new StringWriter();
        int code = new CommandLine(cmd).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("--port", "0", "--host", "0.0.0.0", "--out", dir.toString());
        try {
            assertThat(code).isZero();
            assertThat(err.toString()).contains("warning: binding 0.0.0.0 lets other machines start runs");
        } finally {
            cmd.started.close();
        }
    }

    @Test
    void badOptionsAreBadInput() {
        assertThat(Officialdom.execute("serve", "--port", "70000")).isEqualTo(Officialdom.BAD_INPUT);
        assertThat(Officialdom.execute("serve", "--max-runs", "0")).isEqualTo(Officialdom.BAD_INPUT);
        assertThat(Officialdom.execute("serve", "--max-explain-runs", "0")).isEqualTo(Officialdom.BAD_INPUT);
        assertThat(Officialdom.execute("serve", "--port", "many")).isEqualTo(Officialdom.BAD_INPUT);
    }
}
