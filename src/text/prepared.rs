//! A text prepared once for the analysers that read it: its chars (every
//! offset they report counts chars) and its folded form with the map back.
//!
//! The geoparser and the figure extractor read the same preparation. When
//! each prepared its own, folding the words and splitting the text into
//! chars took about a third of the figure extractor's time.

use super::fold::{Folded, fold};

/// A text's chars and its folded form (named apart from
/// `atlas::Prepared`, a feature prepared for drawing).
#[derive(Debug)]
pub struct PreparedText {
    /// `chars[i]` is the char at offset `i`.
    pub chars: Vec<char>,
    /// Lower case, accents removed, typographic marks made plain; every
    /// folded byte maps back to the char it came from.
    pub folded: Folded,
}

impl PreparedText {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let folded = fold(text);
        // `fold` counted the chars: its map ends with the count.
        let mut chars = Vec::with_capacity(folded.original_char(folded.text.len()));
        chars.extend(text.chars());
        Self { chars, folded }
    }

    /// The original text of the char span `[start, end)`.
    #[must_use]
    pub fn surface(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_and_folded_text_agree() {
        let prepared = PreparedText::new("À Ménaka, l’Œuvre");
        assert_eq!(prepared.chars.len(), 17);
        assert_eq!(prepared.folded.text, "a menaka, l'oeuvre");
        let at = prepared.folded.text.find("oeuvre").unwrap_or_default();
        let (start, end) = prepared.folded.original_span(at, at + "oeuvre".len());
        assert_eq!(prepared.surface(start, end), "Œuvre");
        assert_eq!(prepared.surface(15, 99), "");
    }
}
