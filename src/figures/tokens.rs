//! A small tokenizer for the figure extractor: words, numbers (with their
//! digit-group separators) and single punctuation marks, with char offsets.

use std::borrow::Cow;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Digits, possibly grouped ("4,500", "5 100") or decimal ("4.5").
    Number,
    Punct,
}

/// A token borrows its text; its folded form is borrowed too unless folding
/// changes it, so tokenizing allocates almost nothing per token.
#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    /// Folded (lower-case, no accents) for word lookups.
    pub lower: Cow<'a, str>,
    /// Char offsets (what figures report).
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the text.
    pub byte_start: usize,
    pub byte_end: usize,
    /// Whitespace separates it from the previous token.
    pub space_before: bool,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Length of a digit-group number starting at `i` ("4,500", "5 100", "4.5").
fn number_len(chars: &[char], i: usize) -> usize {
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut end = i + digits(i);
    let lead = end - i;
    // Thousands groups: a separator then exactly three digits, then not a digit.
    if lead <= 3 {
        while let Some(&sep) = chars.get(end) {
            let group = if sep == ',' || is_group_space(sep) {
                digits(end + 1)
            } else {
                0
            };
            let followed_by_digit = chars.get(end + 1 + group).is_some_and(char::is_ascii_digit);
            if group == 3 && !followed_by_digit {
                end += 4;
            } else {
                break;
            }
        }
    }
    // Decimals: "4.5", or a French "4,5" (one or two digits after the comma).
    if let Some(&sep) = chars.get(end) {
        let frac = digits(end + 1);
        if (sep == '.' && frac > 0) || (sep == ',' && (1..=2).contains(&frac)) {
            end += 1 + frac;
        }
    }
    end - i
}

/// Splits text into tokens.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<char> = text.chars().collect();
    let chars = chars.as_slice();
    let mut tokens = Vec::new();
    let mut i = 0;
    // The byte offset of `chars[i]`, kept in step (a table of every char's
    // offset would cost eight bytes per char of the text).
    let mut byte = 0;
    let mut space_before = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            byte += c.len_utf8();
            continue;
        }
        let (kind, len) = if c.is_ascii_digit() {
            (TokenKind::Number, number_len(chars, i))
        } else if c.is_alphabetic() {
            // Letters, with inner apostrophes and hyphens ("forty-three", "d'Ivoire").
            let mut end = i + 1;
            while end < chars.len() {
                let d = chars[end];
                let inner = matches!(d, '\'' | '’' | '-')
                    && chars.get(end + 1).is_some_and(|n| n.is_alphabetic());
                if d.is_alphabetic() || inner {
                    end += 1;
                } else {
                    break;
                }
            }
            (TokenKind::Word, end - i)
        } else {
            (TokenKind::Punct, 1)
        };
        let byte_start = byte;
        let byte_end = byte_start
            + chars[i..i + len]
                .iter()
                .map(|c| c.len_utf8())
                .sum::<usize>();
        byte = byte_end;
        let slice = &text[byte_start..byte_end];
        let folded_already = slice
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        let lower = if folded_already {
            Cow::Borrowed(slice)
        } else {
            Cow::Owned(crate::text::fold::fold_str(slice))
        };
        tokens.push(Token {
            kind,
            text: slice,
            lower,
            start: i,
            end: i + len,
            byte_start,
            byte_end,
            space_before,
        });
        space_before = false;
        i += len;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn numbers_keep_their_groups() {
        assert_eq!(
            texts("from 4,500 to 5 100 soldiers"),
            vec!["from", "4,500", "to", "5 100", "soldiers"]
        );
        assert_eq!(texts("4.5 km, 4,5 km"), vec!["4.5", "km", ",", "4,5", "km"]);
        assert_eq!(texts("in 2014 300 men"), vec!["in", "2014", "300", "men"]);
    }

    #[test]
    fn words_keep_inner_hyphens() {
        assert_eq!(
            texts("forty-three 21-year-old"),
            vec!["forty-three", "21", "-", "year-old"]
        );
    }
}
