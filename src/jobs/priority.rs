//! Background threads yield the cores to the window's.
//!
//! On a two-core machine an import of thousands of articles runs the
//! library, two analysis threads and the software renderer's two threads
//! beside the UI thread, all wanting a core. Threads that do background
//! work lower their own priority (a nice value of [`BACKGROUND_NICE`]): the
//! scheduler then runs the UI thread first, and the background threads still
//! get every cycle it leaves. (Its effect on frame times could not be told
//! apart from run-to-run noise in `bench/corpus.sh`; it is kept because the
//! analysis is background work by nature.)

/// Unix nice value of background threads (0 normal, 19 lowest).
pub const BACKGROUND_NICE: i32 = 10;

/// Lowers the calling thread's priority to [`BACKGROUND_NICE`] if it is
/// higher (only this thread's: Linux keeps a nice value per thread). A failure leaves it as it was, which is only slower for the
/// window; elsewhere than Linux, nothing is done.
pub fn lower_current_thread() {
    #[cfg(target_os = "linux")]
    {
        let tid = Some(rustix::thread::gettid());
        // Never raised: a process started lower (`nice`) stays as low.
        if rustix::process::getpriority_process(tid).is_ok_and(|nice| nice < BACKGROUND_NICE) {
            // Not an error to report: the work is done all the same.
            let _ = rustix::process::setpriority_process(tid, BACKGROUND_NICE);
        }
    }
}

/// A pool of `threads` background threads (every core when `None`) named
/// `name-N`, each at the background priority. `None` if the system cannot
/// start threads (the caller then works on its own thread).
#[must_use]
pub fn background_pool(name: &'static str, threads: Option<usize>) -> Option<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new()
        .thread_name(move |i| format!("{name}-{i}"))
        .start_handler(|_| lower_current_thread());
    if let Some(threads) = threads {
        builder = builder.num_threads(threads);
    }
    builder.build().ok()
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn nice_of_current_thread() -> i32 {
        rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap_or(-1)
    }

    #[test]
    fn a_background_thread_is_lowered_and_the_others_are_not() {
        let before = nice_of_current_thread();
        let lowered = std::thread::spawn(|| {
            lower_current_thread();
            nice_of_current_thread()
        })
        .join()
        .unwrap_or(-1);
        assert_eq!(lowered, BACKGROUND_NICE.max(before));
        assert_eq!(nice_of_current_thread(), before, "only the calling thread");
        let pool = background_pool("test", Some(2));
        let nices: Vec<i32> = pool
            .map(|p| p.broadcast(|_| nice_of_current_thread()))
            .unwrap_or_default();
        assert_eq!(nices, [BACKGROUND_NICE.max(before); 2]);
    }
}
