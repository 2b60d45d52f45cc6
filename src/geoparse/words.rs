//! Words of folded text as the geoparser keys them: what a word byte is,
//! and a word as a number. Shared by the gazetteer (first words of names)
//! and the context rules (the text's words).

/// Whether a byte of folded text belongs to a word. Multi-byte characters
/// count as word bytes, so word spans lie on char boundaries.
#[must_use]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// A folded word as a number, to set and look up words without comparing
/// bytes: words of up to 8 bytes (most) are their bytes, exactly; longer
/// ones a 64-bit hash (a false match among a text's few thousand words is
/// about as likely as 1 in 10¹²).
#[must_use]
pub fn word_key(word: &str) -> u64 {
    let bytes = word.as_bytes();
    if word_key_is_exact(word) {
        // Byte by byte (little-endian, zero-padded): a copy of a variable
        // length would call memcpy for every word of the text.
        bytes
            .iter()
            .rev()
            .fold(0u64, |packed, &b| (packed << 8) | u64::from(b))
    } else {
        use std::hash::{BuildHasher as _, Hasher as _};
        let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
        hasher.write(bytes);
        hasher.finish()
    }
}

/// Whether [`word_key`] gives this word its own number (its bytes), not a
/// hash another word might share.
#[must_use]
pub fn word_key_is_exact(word: &str) -> bool {
    word.len() <= 8
}

#[cfg(test)]
mod tests {
    use super::word_key;

    #[test]
    fn short_words_are_their_bytes_and_long_ones_differ() {
        assert_eq!(word_key("gao"), u64::from_le_bytes(*b"gao\0\0\0\0\0"));
        assert_ne!(word_key("gao"), word_key("gaoual"));
        assert_ne!(word_key("tombouctou"), word_key("tombouctoux"));
        assert_eq!(word_key("tombouctou"), word_key("tombouctou"));
        assert_ne!(word_key("abcdefgh"), word_key("abcdefghi"));
    }
}
