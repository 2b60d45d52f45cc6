//! How far the reading of a file has got, shared between the reader's
//! threads and whoever shows it (atomics: the readers never wait for it).

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// The stages of opening a file, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The bytes from disk, in megabytes (and the features found in them:
    /// a collection is read and checked a window of the file at a time).
    Reading,
    /// Each feature parsed and checked.
    Checking,
    /// Each feature's levels of detail, triangles and outline index.
    Preparing,
}

impl Stage {
    #[must_use]
    pub fn label(self) -> String {
        use crate::tr;
        match self {
            Self::Reading => tr!("stage-reading"),
            Self::Checking => tr!("stage-checking"),
            Self::Preparing => tr!("stage-preparing"),
        }
    }
}

/// A snapshot for display: the stage and the features done of the total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

impl Snapshot {
    /// The share of the whole opening done, from 0 to 1 (reading and
    /// checking count for 55%, preparing for the rest).
    #[must_use]
    pub fn fraction(&self) -> f32 {
        #[allow(clippy::cast_precision_loss, reason = "a share for a progress bar")]
        let within = if self.total == 0 {
            0.0
        } else {
            self.done.min(self.total) as f32 / self.total as f32
        };
        match self.stage {
            Stage::Reading => 0.55 * within,
            Stage::Checking => 0.1 + 0.45 * within,
            Stage::Preparing => 0.55 + 0.45 * within,
        }
    }
}

#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// A new stage of `total` features.
    pub fn start(&self, stage: Stage, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// One more feature done.
    pub fn advance(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// `done` of the stage's total done (a file read window by window
    /// counts megabytes).
    pub fn advance_to(&self, done: usize) {
        self.done.store(done, Ordering::Relaxed);
    }

    #[must_use]
    pub fn snapshot(&self) -> Snapshot {
        let stage = match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Checking,
            _ => Stage::Preparing,
        };
        Snapshot {
            stage,
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_move_the_fraction_forward() {
        let progress = Progress::default();
        assert_eq!(progress.snapshot().stage, Stage::Reading);
        assert!(progress.snapshot().fraction().abs() < f32::EPSILON);
        progress.start(Stage::Checking, 4);
        progress.advance();
        progress.advance();
        let halfway = progress.snapshot();
        assert_eq!((halfway.done, halfway.total), (2, 4));
        assert!((halfway.fraction() - 0.325).abs() < 1e-6);
        progress.start(Stage::Preparing, 4);
        for _ in 0..4 {
            progress.advance();
        }
        assert!((progress.snapshot().fraction() - 1.0).abs() < 1e-6);
    }
}
