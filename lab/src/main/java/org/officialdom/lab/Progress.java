package org.officialdom.lab;

/** Receives progress of long work (steps of a run, runs of an experiment). */
public interface Progress {

    /** Work of {@code total} units starts; {@code label} says what. */
    void start(String label, long total, long done);

    /** {@code done} units of the total are finished. */
    void advance(long done);

    void finish();

    Progress NONE = new Progress() {
        @Override
        public void start(String label, long total, long done) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
        }
    };
}
