//! Case- and accent-folding with a map back to the original text.
//!
//! Matching happens on folded text ("MÉNAKA", "Ménaka" and "Menaka" all fold to
//! "menaka"), but every result must point into the text as the user gave it,
//! in Unicode scalar values (what Python's `str` indexes). [`Folded`] keeps, for
//! every byte of the folded text, the index of the original character it came
//! from.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text and its map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// `char_at[b]` is the original char index of folded byte `b`; one extra
    /// entry at the end holds the original length in chars.
    char_at: Vec<u32>,
}

impl Folded {
    /// The original char index where the folded byte `byte` came from.
    #[must_use]
    pub fn original_char(&self, byte: usize) -> usize {
        self.char_at
            .get(byte)
            .or(self.char_at.last())
            .map_or(0, |&c| c as usize)
    }

    /// The original char span `[start, end)` of the folded byte span.
    #[must_use]
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.original_char(start);
        let last = if end > start {
            self.original_char(end - 1) + 1
        } else {
            first
        };
        (first, last)
    }
}

/// Folds one character into `out`: lowercase, accents removed, typographic
/// apostrophes, dashes, spaces, quotes and ellipses made plain (a word next
/// to «guillemets» or “quotes” is then a word of its own).
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{2002}'..='\u{2006}' => out.push(' '),
        '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '″' => out.push('"'),
        '…' => out.push('.'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// Folds a whole string (used for gazetteer names, without the offset map).
#[must_use]
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Whether `s` folds to exactly `folded`, without allocating: the
/// geoparser asks this of every candidate entry of every name it finds.
#[must_use]
pub fn folds_to(s: &str, folded: &str) -> bool {
    let mut rest = folded.as_bytes();
    let mut buffer = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            match rest.split_first() {
                Some((&b, tail)) if b == c.to_ascii_lowercase() as u8 => rest = tail,
                _ => return false,
            }
            continue;
        }
        buffer.clear();
        fold_char(c, &mut buffer);
        match rest.strip_prefix(buffer.as_bytes()) {
            Some(tail) => rest = tail,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Folds `original`, keeping the map from folded bytes to original chars.
#[must_use]
pub fn fold(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut char_at = Vec::with_capacity(original.len() + 1);
    let mut count = 0u32;
    let mut rest = original;
    while !rest.is_empty() {
        // News copy is mostly ASCII: a run of it folds byte for byte, one
        // char per byte, without going through `fold_char`.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let from = text.len();
        text.push_str(run);
        text[from..].make_ascii_lowercase();
        char_at.extend(count..count + ascii as u32);
        count += ascii as u32;
        let mut chars = tail.chars();
        let Some(c) = chars.next() else { break };
        fold_char(c, &mut text);
        char_at.resize(text.len(), count);
        count += 1;
        rest = chars.as_str();
    }
    char_at.push(count);
    Folded { text, char_at }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold_str("MÉNAKA"), "menaka");
        assert_eq!(fold_str("Ménaka"), "menaka");
        assert_eq!(
            fold_str("zone des trois frontières"),
            "zone des trois frontieres"
        );
        assert_eq!(fold_str("Côte d’Ivoire"), "cote d'ivoire");
    }

    #[test]
    fn offsets_map_back_to_original_chars() {
        let original = "À Ménaka, l’Œuvre";
        let folded = fold(original);
        let start = folded.text.find("menaka").unwrap_or(usize::MAX);
        let (s, e) = folded.original_span(start, start + "menaka".len());
        let surface: String = original.chars().skip(s).take(e - s).collect();
        assert_eq!(surface, "Ménaka");
        let start = folded.text.find("oeuvre").unwrap_or(usize::MAX);
        let (s, e) = folded.original_span(start, start + "oeuvre".len());
        assert_eq!(
            original.chars().skip(s).take(e - s).collect::<String>(),
            "Œuvre"
        );
    }

    #[test]
    fn folds_to_agrees_with_fold_str() {
        for (s, folded) in [
            ("Ménaka", "menaka"),
            ("MÉNAKA", "menaka"),
            ("Œuvre", "oeuvre"),
            ("Gao", "gao"),
        ] {
            assert!(folds_to(s, folded), "{s}");
            assert_eq!(fold_str(s), folded);
        }
        assert!(!folds_to("Gao", "gaoual"));
        assert!(!folds_to("Gaoual", "gao"));
        assert!(!folds_to("Ménaka", "menako"));
        assert!(folds_to("", ""));
    }

    proptest::proptest! {
        /// The ASCII fast path of `fold` agrees with folding char by char,
        /// and every folded byte maps back to the char it came from.
        #[test]
        fn fold_agrees_with_fold_char(original in "(?s)[a-zA-Z ,.'0-9éÉœŒ’\u{a0}\u{301}ßİ-]{0,40}") {
            let folded = fold(&original);
            proptest::prop_assert_eq!(&folded.text, &fold_str(&original));
            let chars: Vec<char> = original.chars().collect();
            let mut expected = String::new();
            for (byte, _) in folded.text.char_indices() {
                let c = folded.original_char(byte);
                proptest::prop_assert!(c < chars.len());
                expected.clear();
                fold_char(chars[c], &mut expected);
                proptest::prop_assert!(!expected.is_empty());
            }
            proptest::prop_assert_eq!(folded.original_char(folded.text.len()), chars.len());
        }
    }

    #[test]
    fn empty_text_folds_to_nothing() {
        let folded = fold("");
        assert!(folded.text.is_empty());
        assert_eq!(folded.original_span(0, 0), (0, 0));
    }
}

#[cfg(test)]
mod quote_tests {
    use super::*;

    #[test]
    fn guillemets_quotes_and_ellipses_fold_to_ascii_so_words_stand_alone() {
        assert_eq!(fold_str("«Ménaka» “Gao”…"), "\"menaka\" \"gao\".");
        let folded = fold("«Gao»");
        assert_eq!(folded.text, "\"gao\"");
        assert_eq!(folded.original_span(1, 4), (1, 4));
    }
}
