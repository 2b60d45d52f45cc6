//! Any bytes as a feed (RSS, Atom, JSON Feed) or an OPML list: an error or
//! items, never a panic; every item has a key and absolute links.
#![no_main]

use dispatch_atlas::web::feed::parse_feed;
use dispatch_atlas::web::opml::feeds_from_opml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(feed) = parse_feed(data, Some("https://fuzz.example/feed.xml")) {
        for item in &feed.items {
            assert!(!item.key.is_empty());
            if let Some(link) = &item.link {
                assert!(link.starts_with("http"), "{link}");
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = feeds_from_opml(text);
    }
});
