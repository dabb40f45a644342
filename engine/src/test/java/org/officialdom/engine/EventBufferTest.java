package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventBufferTest {

    @Test
    void theMultiplicationTestAgreesWithTheRemainder() {
        int[] everies = {1, 2, 3, 7, 10, 64, 500, 1000, 4096, 65_537, 1_000_003, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        SplittableRandom random = new SplittableRandom(11);
        for (int every : everies) {
            long m = EventBuffer.multiplier(every);
            List<Integer> ids = new ArrayList<>();
            for (int id = 0; id < 20_000; id++) {
                ids.add(id);
            }
            for (int k = 0; k < 20_000; k++) {
                ids.add(random.nextInt(Integer.MAX_VALUE));
            }
            for (long q = 0; q * every <= Integer.MAX_VALUE && q < 20_000; q++) {
                // multiples and their neighbours, where an off-by-one in the bound would show
                for (long id = q * every - 1; id <= q * every + 1; id++) {
                    if (id >= 0 && id <= Integer.MAX_VALUE) {
                        ids.add((int) id);
                    }
                }
            }
            ids.add(Integer.MAX_VALUE);
            for (int id : ids) {
                assertThat(EventBuffer.tracked(id, m)).as("id %d, every %d", id, every).isEqualTo(id % every == 0 ? 1 : 0);
            }
        }
    }

    @Test
    void keepsTrackedRowsOnlyInChunkOrderWhateverTheThreads() {
        int n = 3 * Parallel.CHUNK + 5;
        List<String> one = noteAll(n, 3, 1);
        assertThat(noteAll(n, 3, 2)).isEqualTo(one);
        List<String> expected = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            if ((row + 1) % 3 == 0) {
                expected.add(row + ":" + (row % 7));
            }
        }
        assertThat(one).isEqualTo(expected);
    }

    @Test
    void notesNothingWhenNoOneIsTrackedAndEveryoneWhenAllAre() {
        assertThat(noteAll(1000, 0, 2)).isEmpty();
        assertThat(noteAll(1000, 1, 2)).hasSize(1000);
    }

    @Test
    void aLaterPassForgetsTheNotesOfTheLastOne() {
        EventBuffer noted = new EventBuffer(1, 1);
        try (Parallel parallel = new Parallel(1)) {
            noted.begin(10);
            parallel.forEach(10, c -> {
                long[] notes = noted.buffer(c.worker());
                int k = 0;
                for (int i = c.from(); i < c.to(); i++) {
                    k = noted.note(notes, k, i, i, 1);
                }
                noted.keep(c, notes, k);
            });
            noted.begin(10);
            List<Integer> rows = new ArrayList<>();
            noted.forEach((row, code) -> rows.add(row));
            assertThat(rows).isEmpty();
        }
    }

    /** Every row of an n-row pass noted as official id row + 1 with code row % 7; what is kept, as "row:code". */
    private static List<String> noteAll(int n, int every, int threads) {
        EventBuffer noted = new EventBuffer(every, threads);
        try (Parallel parallel = new Parallel(threads)) {
            noted.begin(n);
            parallel.forEach(n, c -> {
                long[] notes = noted.buffer(c.worker());
                int k = 0;
                for (int i = c.from(); i < c.to(); i++) {
                    k = noted.note(notes, k, i + 1, i, i % 7);
                }
                noted.keep(c, notes, k);
            });
        }
        List<String> out = new ArrayList<>();
        noted.forEach((row, code) -> out.add(row + ":" + code));
        return out;
    }
}
