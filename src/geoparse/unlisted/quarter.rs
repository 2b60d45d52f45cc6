//! A town's quarters: "le quartier de Hamdallaye, à Bamako", "les
//! quartiers de Kalaban Coura et de Sébénikoro", "the Saga and Lamordé
//! districts", "the Badalabougou neighbourhood of Bamako"; and a region's
//! villages: "Dans la province du Bam, l'armée a repris plusieurs villages,
//! dont Rollo et Zimtenga", and its units: "the Kpendjal prefecture of the
//! Savanes region" (in the region the sentence names).
//!
//! A quarter is put at the town named in its sentence (the nearest), or,
//! when its sentence names none, at the last its paragraph names before it
//! (villages and units likewise at a region). The
//! gazetteer lacks most quarters; when it has a town of that name in
//! another country ("Saga": Saga in Japan), the quarter's head says which
//! it is, and the far town's reading is replaced. A town of the same
//! country keeps its own entry (GeoNames lists some quarters as towns; "the
//! Ansongo district" is Ansongo).

use super::tokens::{Reader, Token};
use super::words::{is_conjunction, is_particle, word_in};
use super::{CONFIDENCE_BESIDE, Finder, MAX_NAME_WORDS, Placement};
use crate::geoparse::gazetteer::EntryKind;

/// English words for a quarter, after its name or before "of": "the
/// Gounghin neighbourhood", "the neighbourhood of Hamdallaye".
const NEIGHBOURHOOD: &[&str] = &[
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "suburb",
    "suburbs",
];
/// Words only after a list of quarters: "the Saga and Lamordé districts"
/// ("the district of" is an administrative one's).
const ONLY_AFTER: &[&str] = &["district", "districts"];
/// French words only before "de" and a list of quarters: "les quartiers
/// de Saga et de Lamordé".
const ONLY_BEFORE: &[&str] = &["quartier", "quartiers", "faubourg", "faubourgs"];
/// Words before a list of villages: "plusieurs villages, dont Rollo et
/// Zimtenga", "the villages of Rollo and Zimtenga".
const VILLAGE_HEADS: &[&str] = &[
    "village",
    "villages",
    "localite",
    "localites",
    "hameau",
    "hameaux",
    "hamlet",
    "hamlets",
];
/// Words between a head of villages and their list: ", dont", "including",
/// "like", "comme".
const LIST_OPENERS: &[&str] = &["dont", "including", "notamment", "among", "like", "comme"];
/// Two words between a head of villages and their list: "such as", "tels
/// que".
const LIST_OPENER_PAIRS: &[(&str, &str)] = &[
    ("such", "as"),
    ("tel", "que"),
    ("tels", "que"),
    ("telle", "que"),
    ("telles", "que"),
];
/// Chars searched each way for the town of the quarters.
const SENTENCE_REACH: usize = 200;
/// Chars searched back, in the paragraph, for the town or region of
/// quarters or villages whose sentence names none: "Djibo, the capital of
/// Soum province, … Its population has tripled as people fled nearby
/// villages such as Gaskindé" (two sentences of wire copy).
const PARAGRAPH_REACH: usize = 400;

/// Administrative units below a region, after their name or before "de"
/// or "of": "the Kpendjal prefecture", "la commune de Karimama".
const ADMIN_HEADS: &[&str] = &[
    "prefecture",
    "prefectures",
    "department",
    "departments",
    "departement",
    "cercle",
    "county",
    "commune",
];

/// What a head word introduces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HeadKind {
    /// A town's quarters, at the town.
    Quarter,
    /// Villages, at the region.
    Village,
    /// Units below a region, at the region.
    Admin,
}

impl HeadKind {
    fn of(head: &str) -> Option<Self> {
        if ONLY_AFTER.contains(&head)
            || ONLY_BEFORE.contains(&head)
            || NEIGHBOURHOOD.contains(&head)
        {
            Some(Self::Quarter)
        } else if VILLAGE_HEADS.contains(&head) {
            Some(Self::Village)
        } else if ADMIN_HEADS.contains(&head) {
            Some(Self::Admin)
        } else {
            None
        }
    }
}

/// A quarter found: its char span, its placement, and the mention of the
/// parser it replaces (a far town of the same name), if any.
pub(super) type Quarter = (usize, usize, Placement, Option<usize>);

/// An item of a list of quarters: a name the gazetteer lacks, or a
/// mention of the parser.
enum Item {
    Name(usize, usize),
    Mention(usize),
}

impl Finder<'_> {
    /// The quarters named around the head word at chars `head_start..head_end`.
    pub(super) fn quarters_at(
        &self,
        head_start: usize,
        head_end: usize,
        head: &str,
    ) -> Vec<Quarter> {
        // A capitalised head is part of a name: "Montana Department of
        // Corrections", "Quartier Latin".
        let Some(kind) = HeadKind::of(head).filter(|_| self.chars[head_start].is_lowercase())
        else {
            return Vec::new();
        };
        let items = self.items_at(kind, head, head_start, head_end);
        if items.is_empty() {
            return Vec::new();
        }
        let span = items.iter().fold((head_start, head_end), |(s, e), item| {
            let (a, b) = self.item_span(item);
            (s.min(a), e.max(b))
        });
        // A quarter is in a town; a village or a district in the region
        // its sentence names (a town named beside it may lie far from it).
        let anchor_kind = if kind == HeadKind::Quarter {
            EntryKind::City
        } else {
            EntryKind::Region
        };
        let Some(town) = self.place_of(span, &items, anchor_kind) else {
            return Vec::new();
        };
        let placement = Placement {
            anchor: town,
            confidence: CONFIDENCE_BESIDE,
        };
        items
            .into_iter()
            .filter_map(|item| match item {
                Item::Name(start, end) => Some((start, end, placement, None)),
                Item::Mention(i) if kind == HeadKind::Quarter && self.abroad_from(i, town) => {
                    let m = &self.mentions[i];
                    Some((m.start, m.end, placement, Some(i)))
                }
                Item::Mention(_) => None,
            })
            .collect()
    }

    /// The items a head of `kind` introduces.
    fn items_at(
        &self,
        kind: HeadKind,
        head: &str,
        head_start: usize,
        head_end: usize,
    ) -> Vec<Item> {
        let mut items = Vec::new();
        // Names before the head first ("the Badalabougou neighbourhood of
        // Bamako", "the Kpendjal prefecture of the Savanes region"), then
        // after it and "de" or "of" ("le quartier de Hamdallaye", "la
        // commune de Tanzak"; a quarter also without: "le quartier
        // Hamdallaye"; villages also after "dont", "including").
        if kind == HeadKind::Admin || ONLY_AFTER.contains(&head) || NEIGHBOURHOOD.contains(&head) {
            self.items_backward(&mut self.backward(head_start), &mut items);
        }
        if !items.is_empty() || ONLY_AFTER.contains(&head) {
            return items;
        }
        let mut reader = self.forward(head_end);
        let mut first = reader.next_token();
        if kind == HeadKind::Village && first == Token::Comma {
            first = reader.next_token();
        }
        let opened = word_in(&first, &["de", "d'", "of"])
            || kind == HeadKind::Village && word_in(&first, LIST_OPENERS);
        if opened {
            first = reader.next_token();
        } else if kind == HeadKind::Village
            && LIST_OPENER_PAIRS
                .iter()
                .any(|&(a, b)| word_in(&first, &[a]) && word_in(&reader.clone().next_token(), &[b]))
        {
            reader.next_token();
            first = reader.next_token();
        } else if kind != HeadKind::Quarter {
            return items;
        }
        self.items_forward(first, &mut reader, &mut items);
        items
    }

    fn item_span(&self, item: &Item) -> (usize, usize) {
        match *item {
            Item::Name(start, end) => (start, end),
            Item::Mention(i) => (self.mentions[i].start, self.mentions[i].end),
        }
    }

    /// A town's mention read as an item: a quarter may be a far namesake.
    fn town_item(&self, token: &Token) -> Option<Item> {
        match token {
            Token::Mention(i)
                if self.kind(*i) == EntryKind::City && !self.mentions[*i].unlisted =>
            {
                Some(Item::Mention(*i))
            }
            _ => None,
        }
    }

    /// "de Kalaban Coura et de Sébénikoro": items after the head's particle.
    fn items_forward(&self, first: Token, reader: &mut Reader<'_>, items: &mut Vec<Item>) {
        let mut token = first;
        loop {
            if let Some(item) = self.town_item(&token) {
                items.push(item);
                token = reader.next_token();
            } else {
                let mut run = Vec::new();
                while self.is_name_word(&token) && run.len() <= MAX_NAME_WORDS {
                    run.push(token);
                    token = reader.next_token();
                }
                match self.name_span(&run) {
                    Some((start, end)) if run.len() <= MAX_NAME_WORDS => {
                        items.push(Item::Name(start, end));
                    }
                    _ => return,
                }
            }
            // Between items: a comma or a conjunction, maybe a particle.
            if token != Token::Comma && !is_conjunction(&token) {
                return;
            }
            token = reader.next_token();
            if is_conjunction(&token) {
                token = reader.next_token();
            }
            // "et de Sébénikoro" (not "à": ", à Bamako" names the town).
            if is_particle(&token) {
                token = reader.next_token();
            }
        }
    }

    /// "the Saga and Lamordé": items before a head that follows them.
    fn items_backward(&self, reader: &mut Reader<'_>, items: &mut Vec<Item>) {
        let mut token = reader.next_token();
        loop {
            if let Some(item) = self.town_item(&token) {
                items.push(item);
                token = reader.next_token();
            } else {
                match self.name_with(token, reader) {
                    Some((start, end, before)) => {
                        items.push(Item::Name(start, end));
                        token = before;
                    }
                    None => return,
                }
            }
            if token != Token::Comma && !is_conjunction(&token) {
                return;
            }
            token = reader.next_token();
            if token == Token::Comma {
                token = reader.next_token();
            }
        }
    }

    /// The place of `kind` the sentence names nearest to the quarters or
    /// villages (`span`), not one of them; or else the last its paragraph
    /// names before them.
    fn place_of(&self, span: (usize, usize), items: &[Item], kind: EntryKind) -> Option<usize> {
        self.place_in_sentence(span, items, kind)
            .or_else(|| self.place_before_in_paragraph(span.0, kind))
    }

    /// The last place of `kind` named before char `start`, in its
    /// paragraph and within [`PARAGRAPH_REACH`].
    fn place_before_in_paragraph(&self, start: usize, kind: EntryKind) -> Option<usize> {
        self.mentions
            .iter()
            .enumerate()
            .filter(|&(i, m)| {
                !m.unlisted
                    && self.kind(i) == kind
                    && m.end <= start
                    && start - m.end <= PARAGRAPH_REACH
                    && !self.chars[m.end..start].contains(&'\n')
            })
            .max_by_key(|&(_, m)| m.end)
            .map(|(i, _)| i)
    }

    fn place_in_sentence(
        &self,
        span: (usize, usize),
        items: &[Item],
        kind: EntryKind,
    ) -> Option<usize> {
        let is_item = |i: usize| {
            items
                .iter()
                .any(|item| matches!(item, Item::Mention(j) if *j == i))
        };
        let ends_sentence = |c: &char| matches!(c, '.' | '!' | '?' | '\n' | ';');
        self.mentions
            .iter()
            .enumerate()
            .filter(|&(i, m)| {
                !is_item(i)
                    && !m.unlisted
                    && self.kind(i) == kind
                    && if m.end <= span.0 {
                        span.0 - m.end <= SENTENCE_REACH
                            && !self.chars[m.end..span.0].iter().any(ends_sentence)
                    } else {
                        m.start >= span.1
                            && m.start - span.1 <= SENTENCE_REACH
                            && !self.chars[span.1..m.start].iter().any(ends_sentence)
                    }
            })
            .min_by_key(|&(_, m)| m.start.abs_diff(span.0).min(m.end.abs_diff(span.1)))
            .map(|(i, _)| i)
    }

    /// Mention `i` is a town of another country than mention `town`: a
    /// namesake abroad, not the quarter ("Saga": Saga in Japan). A town of
    /// the same country keeps its reading ("the Ansongo district" near
    /// Gao is Ansongo).
    fn abroad_from(&self, i: usize, town: usize) -> bool {
        self.mentions[i].country != self.mentions[town].country
    }
}
