//! Any bytes as a web page: decoding (meta charset, guesses), the reader
//! view and the metadata never panic, and what comes out is plain text.
#![no_main]

use dispatch_atlas::articles::encoding::decode;
use dispatch_atlas::articles::html::{fragment_text, read_page};
use dispatch_atlas::articles::load::article_from_clipboard;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = decode("fuzz.html", data, None, true).text;
    let page = read_page(&text, Some("https://fuzz.example/a/b"));
    if let Some(date) = &page.date {
        assert_eq!(date.len(), 10, "{date}");
    }
    assert!(!page.text.contains("\n\n\n"));
    let _ = fragment_text(&text);
    let _ = article_from_clipboard(Some(&text), Some(&text));
});
