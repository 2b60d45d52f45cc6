//! Any text through the figure extractor: no panic, offsets point at the
//! surface, values are finite.
#![no_main]

use dispatch_atlas::figures::extract_figures;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    for f in extract_figures(&text) {
        assert!(f.start < f.end && f.end <= chars.len());
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), &*f.surface);
        assert!(f.value.is_finite() || f.surface.chars().filter(char::is_ascii_digit).count() > 300);
    }
});
