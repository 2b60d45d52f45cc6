//! A worker for work where only the newest request matters (the map's GPU
//! scene: a layer's opacity slider asks for a new scene at every step). The
//! worker serves requests one at a time; while it serves one, it can ask
//! whether a newer one came ([`Newest::newer`]) and cut the old one short.
//!
//! Invariant: a request is served unless a newer one arrives first; the
//! last request made is always served.

use std::sync::mpsc;

/// The worker's side of the queue.
pub struct Newest<R> {
    requests: mpsc::Receiver<R>,
    pending: Option<R>,
}

impl<R> Newest<R> {
    /// Whether a newer request came (it is served next).
    pub fn newer(&mut self) -> bool {
        while let Ok(request) = self.requests.try_recv() {
            self.pending = Some(request);
        }
        self.pending.is_some()
    }

    /// The newest request waiting, else the next one to come; `None` once
    /// the sender is gone.
    fn next(&mut self) -> Option<R> {
        let first = match self.pending.take() {
            Some(request) => request,
            None => self.requests.recv().ok()?,
        };
        self.pending = Some(first);
        self.newer();
        self.pending.take()
    }
}

/// The callers' side: requests are sent, never waited for.
pub struct Latest<R> {
    requests: mpsc::Sender<R>,
}

impl<R: Send + 'static> Latest<R> {
    /// Starts the worker thread `name`, serving each request with `serve`;
    /// `None` if the system refuses a thread (the caller then does without).
    pub fn start(
        name: &str,
        mut serve: impl FnMut(R, &mut Newest<R>) + Send + 'static,
    ) -> Option<Self> {
        let (requests, receiver) = mpsc::channel::<R>();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let mut newest = Newest {
                    requests: receiver,
                    pending: None,
                };
                while let Some(request) = newest.next() {
                    serve(request, &mut newest);
                }
            })
            .ok()?;
        Some(Self { requests })
    }

    /// Asks for `request` to be served; false if the worker is gone.
    #[must_use]
    pub fn request(&self, request: R) -> bool {
        self.requests.send(request).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::Duration;

    #[test]
    fn requests_made_while_one_is_served_collapse_to_the_newest() {
        let (started_tx, started) = mpsc::channel::<()>();
        let (gate_tx, gate) = mpsc::channel::<()>();
        let (done_tx, done) = mpsc::channel::<(u32, bool)>();
        let gate = Mutex::new(gate);
        let worker = Latest::start("test-latest", move |n: u32, newest| {
            if n == 0 {
                // Held until the test has queued more.
                let _ = started_tx.send(());
                let _ = gate.lock().map(|g| g.recv());
            }
            let _ = done_tx.send((n, newest.newer()));
        })
        .unwrap_or_else(|| panic!("no thread"));
        assert!(worker.request(0));
        started
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|e| panic!("{e}"));
        for n in 1..=5 {
            assert!(worker.request(n));
        }
        let _ = gate_tx.send(());
        let served: Vec<(u32, bool)> = (0..2)
            .map(|_| {
                done.recv_timeout(Duration::from_secs(10))
                    .unwrap_or_else(|e| panic!("{e}"))
            })
            .collect();
        // 0 is served, and sees that newer requests came; of those only the
        // newest is served.
        assert_eq!(served, [(0, true), (5, false)]);
        assert!(done.recv_timeout(Duration::from_millis(200)).is_err());
    }
}
