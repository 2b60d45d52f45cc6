//! Reading a text's tokens outwards from a place the parser found: words
//! (folded), commas, the parser's mentions, and what ends a phrase.

use smol_str::SmolStr;

use super::PlaceMention;
use crate::text::fold::fold_str;

/// A word, a comma, a name the parser found, or anything else (which ends
/// the phrase being read).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Token {
    /// Folded; `start..end` in chars. An elided particle ("d'", "l'") is
    /// one word, with its apostrophe.
    Word {
        folded: SmolStr,
        start: usize,
        end: usize,
    },
    Comma,
    /// A possessive's apostrophe ("Mali's").
    Apostrophe,
    /// The index of a mention the parser found.
    Mention(usize),
    Stop,
}

/// Reads a text's tokens outwards from a position, one way, within its
/// line.
#[derive(Clone)]
pub(super) struct Reader<'a> {
    chars: &'a [char],
    mentions: &'a [PlaceMention],
    at: usize,
    forward: bool,
}

pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

pub(super) fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// French elided particles: "d'", "l'", "qu'", "jusqu'".
const ELIDED: [&str; 4] = ["d", "l", "qu", "jusqu"];

impl<'a> Reader<'a> {
    pub(super) fn new(
        chars: &'a [char],
        mentions: &'a [PlaceMention],
        at: usize,
        forward: bool,
    ) -> Self {
        Self {
            chars,
            mentions,
            at,
            forward,
        }
    }

    fn word(&self, start: usize, end: usize) -> Token {
        let chars = &self.chars[start..end];
        // Most words are ASCII: folded inline, without a string between.
        let folded = if chars.iter().all(char::is_ascii) {
            chars.iter().map(char::to_ascii_lowercase).collect()
        } else {
            let text: String = chars.iter().collect();
            SmolStr::new(fold_str(&text).replace('’', "'"))
        };
        Token::Word { folded, start, end }
    }

    pub(super) fn next_token(&mut self) -> Token {
        if self.forward {
            self.next_forward()
        } else {
            self.next_backward()
        }
    }

    fn next_backward(&mut self) -> Token {
        let chars = self.chars;
        while self.at > 0 && is_space(chars[self.at - 1]) {
            self.at -= 1;
        }
        if self.at == 0 {
            return Token::Stop;
        }
        // A mention ends here (mentions are in text order).
        let ends_before = self.mentions.partition_point(|m| m.end < self.at);
        if let Some(m) = self.mentions.get(ends_before)
            && m.end == self.at
        {
            self.at = m.start;
            return Token::Mention(ends_before);
        }
        let c = chars[self.at - 1];
        if c == ',' {
            self.at -= 1;
            return Token::Comma;
        }
        if is_apostrophe(c) {
            // "d'Anéfis": the particle before the apostrophe is one word.
            let end = self.at;
            let mut start = end - 1;
            while start > 0 && chars[start - 1].is_alphabetic() {
                start -= 1;
            }
            let particle: String = chars[start..end - 1].iter().collect();
            if ELIDED.contains(&fold_str(&particle).as_str()) {
                self.at = start;
                return self.word(start, end);
            }
            self.at -= 1;
            return Token::Apostrophe;
        }
        if !in_word(c) {
            return Token::Stop;
        }
        let end = self.at;
        while self.at > 0 && in_word(chars[self.at - 1]) {
            self.at -= 1;
        }
        self.word(self.at, end)
    }

    fn next_forward(&mut self) -> Token {
        let chars = self.chars;
        while self.at < chars.len() && is_space(chars[self.at]) {
            self.at += 1;
        }
        if self.at >= chars.len() {
            return Token::Stop;
        }
        let starts_at = self.mentions.partition_point(|m| m.start < self.at);
        if let Some(m) = self.mentions.get(starts_at)
            && m.start == self.at
        {
            self.at = m.end;
            return Token::Mention(starts_at);
        }
        let c = chars[self.at];
        if c == ',' {
            self.at += 1;
            return Token::Comma;
        }
        if !in_word(c) {
            return Token::Stop;
        }
        let start = self.at;
        while self.at < chars.len() && in_word(chars[self.at]) {
            self.at += 1;
        }
        // "d'Arbinda": the particle and its apostrophe are one word.
        if self.at < chars.len() && is_apostrophe(chars[self.at]) {
            let particle: String = chars[start..self.at].iter().collect();
            if ELIDED.contains(&fold_str(&particle).as_str()) {
                self.at += 1;
                return self.word(start, self.at);
            }
        }
        self.word(start, self.at)
    }
}
