//! A small tokenizer for the figure extractor: words, numbers (with their
//! digit-group separators) and single punctuation marks, read from the
//! folded text (see [`crate::text::prepared`]).
//!
//! Tokens borrow the folded text and carry no offsets in chars: the few
//! that figures are made of are mapped back to the original text, the rest
//! never are. A token is 24 bytes; a news text has about one per five bytes.

use super::words::is_number_head;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Digits, possibly grouped ("4,500", "5 100") or decimal ("4.5").
    Number,
    Punct,
}

/// One token of the folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    /// Whitespace separates it from the previous token.
    pub space_before: bool,
    /// A word that is a number word, or begins with one before a hyphen
    /// ("forty-three"): it may begin a figure. Set here, where the word's
    /// hyphens are seen anyway, so that the extractor never scans a word
    /// again.
    pub number_word: bool,
    /// As folded: lower case, no accents, typographic apostrophes, dashes
    /// and spaces made plain. Word lists are matched against it.
    pub lower: &'a str,
    /// Byte offset of `lower` in the folded text (4 bytes, like the folded
    /// text's own map back to chars: a token is 24 bytes, not 32).
    at: u32,
}

impl Token<'_> {
    /// Byte offset of the token in the folded text.
    #[must_use]
    pub fn start(&self) -> usize {
        self.at as usize
    }

    /// Byte offset of the token's end in the folded text.
    #[must_use]
    pub fn end(&self) -> usize {
        self.start() + self.lower.len()
    }
}

/// The char at byte `i` of `text` (on a char boundary) and its length.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// End of the number starting at byte `i`: digits, thousands groups ("4,500",
/// "5 100": folding made every group space a plain one) and decimals ("4.5",
/// French "4,5").
fn number_end(bytes: &[u8], i: usize) -> usize {
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut end = i + digits(i);
    // Thousands groups: a separator then exactly three digits, then not a digit.
    if end - i <= 3 {
        while let Some(&sep) = bytes.get(end) {
            let group = if matches!(sep, b',' | b' ') {
                digits(end + 1)
            } else {
                0
            };
            let followed_by_digit = bytes.get(end + 1 + group).is_some_and(u8::is_ascii_digit);
            if group == 3 && !followed_by_digit {
                end += 4;
            } else {
                break;
            }
        }
    }
    // Decimals: "4.5", or a French "4,5" (one or two digits after the comma).
    if let Some(&sep) = bytes.get(end) {
        let frac = digits(end + 1);
        if (sep == b'.' && frac > 0) || (sep == b',' && (1..=2).contains(&frac)) {
            end += 1 + frac;
        }
    }
    end
}

/// End of the word whose first letter ends at byte `i`, and where its first
/// inner hyphen is, if it has one: letters, with inner apostrophes and
/// hyphens ("forty-three", "d'ivoire").
fn word_end(text: &str, mut i: usize) -> (usize, Option<usize>) {
    let mut hyphen = None;
    let bytes = text.as_bytes();
    loop {
        // Most letters are ASCII: no char to decode.
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        let inner =
            matches!(c, '\'' | '-') && char_at(text, i + 1).is_some_and(|(n, _)| n.is_alphabetic());
        if c.is_alphabetic() || inner {
            if c == '-' && hyphen.is_none() {
                hyphen = Some(i);
            }
            i += len;
        } else {
            break;
        }
    }
    (i, hyphen)
}

/// Splits folded text into tokens.
#[must_use]
pub fn tokenize(folded: &str) -> Vec<Token<'_>> {
    let bytes = folded.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 5 + 1);
    let mut i = 0;
    let mut space_before = false;
    while let Some((c, len)) = char_at(folded, i) {
        if c.is_whitespace() {
            space_before = true;
            i += len;
            continue;
        }
        let (kind, end, number_word) = if c.is_ascii_digit() {
            (TokenKind::Number, number_end(bytes, i), false)
        } else if c.is_alphabetic() {
            let (end, hyphen) = word_end(folded, i + len);
            let head = &folded[i..hyphen.unwrap_or(end)];
            (TokenKind::Word, end, is_number_head(head))
        } else {
            (TokenKind::Punct, i + len, false)
        };
        tokens.push(Token {
            kind,
            space_before,
            number_word,
            lower: &folded[i..end],
            // Past 4 GiB (which the folded text's map cannot index either)
            // offsets saturate rather than wrap.
            at: u32::try_from(i).unwrap_or(u32::MAX),
        });
        space_before = false;
        i = end;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold_str;

    fn texts(s: &str) -> Vec<String> {
        let folded = fold_str(s);
        tokenize(&folded)
            .into_iter()
            .map(|t| t.lower.to_owned())
            .collect()
    }

    #[test]
    fn numbers_keep_their_groups() {
        assert_eq!(
            texts("from 4,500 to 5 100 soldiers"),
            vec!["from", "4,500", "to", "5 100", "soldiers"]
        );
        assert_eq!(texts("5\u{202f}100 soldats"), vec!["5 100", "soldats"]);
        assert_eq!(texts("4.5 km, 4,5 km"), vec!["4.5", "km", ",", "4,5", "km"]);
        assert_eq!(texts("in 2014 300 men"), vec!["in", "2014", "300", "men"]);
        assert_eq!(texts("1,0000 1,"), vec!["1", ",", "0000", "1", ","]);
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        assert_eq!(
            texts("forty-three 21-year-old"),
            vec!["forty-three", "21", "-", "year-old"]
        );
        assert_eq!(texts("Côte d’Ivoire'"), vec!["cote", "d'ivoire", "'"]);
    }

    #[test]
    fn number_words_are_marked() {
        let folded = fold_str("Forty-three soldiers, quarante-trois, the tenth, twentyish");
        let marked: Vec<&str> = tokenize(&folded)
            .into_iter()
            .filter(|t| t.number_word)
            .map(|t| t.lower)
            .collect();
        assert_eq!(marked, vec!["forty-three", "quarante-trois", "tenth"]);
    }

    #[test]
    fn offsets_and_spaces() {
        let tokens = tokenize("a  b,c");
        let seen: Vec<(usize, bool)> = tokens.iter().map(|t| (t.start(), t.space_before)).collect();
        assert_eq!(seen, vec![(0, false), (3, true), (4, false), (5, false)]);
        assert_eq!(tokens[1].end(), 4);
        assert!(tokenize(" \n\t").is_empty());
    }
}
