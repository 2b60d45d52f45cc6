//! Any bytes as an article file: decoding (any encoding), header parsing
//! and sentence splitting never panic.
#![no_main]

use std::path::Path;

use dispatch_atlas::articles::Article;
use dispatch_atlas::articles::read::decode;
use dispatch_atlas::text::sentences::sentences;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(file) = decode(Path::new("fuzz.txt"), data) else { return };
    let article = Article::parse("fuzz.txt", &file.text);
    let count = article.body.chars().count();
    for s in sentences(&article.body) {
        assert!(s.start < s.end && s.end <= count);
    }
});
