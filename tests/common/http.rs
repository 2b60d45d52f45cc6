//! A tiny HTTP/1.1 server on the loopback interface for the tests: fixed
//! routes, and the failures the web code must explain (a redirect loop, a
//! server that never answers, a huge body). No test reaches beyond the
//! machine.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// An RSS 2.0 feed titled "Sahel Monitor" with these `<item>`s.
pub fn rss(items: &[&str]) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sahel Monitor</title><language>en</language>{}</channel></rss>"#,
        items.concat()
    )
    .into_bytes()
}

/// What a path answers.
#[derive(Clone)]
pub enum Reply {
    /// Status, content type, body.
    Ok(&'static str, Vec<u8>),
    Status(u16),
    /// A redirect to this path (or URL).
    Redirect(String),
    /// Accept, read the request, never answer (until the test ends).
    Hang,
    /// A body of this many bytes, sent as fast as the client takes it.
    Huge(usize),
}

/// A running server; routes can change while it runs (a feed gaining items).
pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    /// Requests served, by path.
    hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        let base = format!(
            "http://{}",
            listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
        );
        let routes: Arc<Mutex<HashMap<String, Reply>>> = Arc::default();
        let hits: Arc<Mutex<Vec<String>>> = Arc::default();
        let (r, h) = (Arc::clone(&routes), Arc::clone(&hits));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, h) = (Arc::clone(&r), Arc::clone(&h));
                std::thread::spawn(move || serve(&stream, &r, &h));
            }
        });
        Self { base, routes, hits }
    }

    pub fn route(&self, path: &str, reply: Reply) -> String {
        self.routes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_owned(), reply);
        self.url(path)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .filter(|p| *p == path)
            .count()
    }
}

fn serve(stream: &TcpStream, routes: &Mutex<HashMap<String, Reply>>, hits: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).map_or(true, |n| n == 0) || line == "\r\n" {
            break;
        }
    }
    hits.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(path.clone());
    let reply = routes
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(&path)
        .cloned()
        .unwrap_or(Reply::Status(404));
    let mut out = stream;
    let head = |status: &str, headers: &str, length: usize| {
        format!(
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {length}\r\nConnection: close\r\n\r\n"
        )
    };
    let _ = match reply {
        Reply::Ok(content_type, body) => out
            .write_all(
                head(
                    "200 OK",
                    &format!("Content-Type: {content_type}\r\n"),
                    body.len(),
                )
                .as_bytes(),
            )
            .and_then(|()| out.write_all(&body)),
        Reply::Status(code) => {
            let body = format!("status {code}");
            out.write_all(
                head(
                    &format!("{code} Status"),
                    "Content-Type: text/plain\r\n",
                    body.len(),
                )
                .as_bytes(),
            )
            .and_then(|()| out.write_all(body.as_bytes()))
        }
        Reply::Redirect(to) => {
            out.write_all(head("302 Found", &format!("Location: {to}\r\n"), 0).as_bytes())
        }
        Reply::Hang => {
            std::thread::sleep(Duration::from_secs(30));
            Ok(())
        }
        Reply::Huge(size) => {
            let chunk = vec![b'a'; 64 * 1024];
            let mut result =
                out.write_all(head("200 OK", "Content-Type: text/html\r\n", size).as_bytes());
            let mut left = size;
            while left > 0 && result.is_ok() {
                let n = left.min(chunk.len());
                result = out.write_all(&chunk[..n]);
                left -= n;
            }
            result
        }
    };
}
