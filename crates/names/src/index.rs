//! The gazetteer's name index: which entries bear a name, and which names
//! start at a given place in a folded text.
//!
//! An FST set whose keys are `folded name, 0x00, entry index (u32, big
//! endian)`. A name borne by several entries (Gao in Mali and Gao in China) is
//! several keys sharing the name as a prefix. The data build writes it once
//! ([`NameIndexBuilder`]); the app opens it in place ([`NameIndex::new`]), with
//! no automaton to compile at start-up, and walks it byte by byte from each
//! word start ([`NameIndex::names_at`]): the walk is the anchored automaton
//! search the geoparser needs.

use fst::raw::{Fst, Node};

use crate::fold::fold_str;

/// Ends a name inside a key; folded names never contain it.
const NAME_END: u8 = 0;

/// Why an index cannot be built or opened.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("the name index is damaged: {0}")]
    Damaged(#[from] fst::Error),
}

/// Whether a folded name is worth indexing: two letters or digits at least
/// (single letters match everywhere), and no NUL (which ends names in keys).
#[must_use]
pub fn indexable(folded: &str) -> bool {
    folded.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && !folded.as_bytes().contains(&NAME_END)
}

/// Collects (name, entry) pairs and writes the index.
#[derive(Debug, Default)]
pub struct NameIndexBuilder {
    keys: Vec<Vec<u8>>,
}

impl NameIndexBuilder {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that entry `entry` bears `name` (folded here). Returns whether
    /// the name was kept (see [`indexable`]).
    pub fn add(&mut self, name: &str, entry: u32) -> bool {
        let folded = fold_str(name.trim());
        if !indexable(&folded) {
            return false;
        }
        let mut key = folded.into_bytes();
        key.push(NAME_END);
        key.extend_from_slice(&entry.to_be_bytes());
        self.keys.push(key);
        true
    }

    /// The index's bytes. Deterministic: the same pairs in any order give the
    /// same bytes.
    pub fn build(mut self) -> Result<Vec<u8>, IndexError> {
        self.keys.sort_unstable();
        self.keys.dedup();
        let set = fst::Set::from_iter(self.keys)?;
        Ok(set.into_fst().into_inner())
    }
}

/// Where reading a first word leads in one index (from
/// [`NameIndex::first_words`]; meaningless in another index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resume(fst::raw::CompiledAddr);

/// The names found at one place of a text. Kept by the caller and reused,
/// so that a walk allocates nothing once the buffers have grown.
#[derive(Debug, Default)]
pub struct Found {
    names: Vec<(usize, std::ops::Range<usize>)>,
    entries: Vec<u32>,
}

impl Found {
    fn clear(&mut self) {
        self.names.clear();
        self.entries.clear();
    }

    /// Each name found as (end, entries), shortest first.
    #[must_use]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (usize, &[u32])> {
        self.names
            .iter()
            .filter_map(|(end, range)| Some((*end, self.entries.get(range.clone())?)))
    }

    /// [`Found::iter`] as owned values (for tests and small callers).
    #[must_use]
    pub fn to_vec(&self) -> Vec<(usize, Vec<u32>)> {
        self.iter()
            .map(|(end, entries)| (end, entries.to_vec()))
            .collect()
    }
}

/// An opened name index.
pub struct NameIndex<D> {
    fst: Fst<D>,
}

impl<D: AsRef<[u8]>> std::fmt::Debug for NameIndex<D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameIndex")
            .field("keys", &self.fst.len())
            .finish()
    }
}

impl<D: AsRef<[u8]>> NameIndex<D> {
    /// Opens an index in place. Its checksum is verified (a millisecond or
    /// two for the whole gazetteer), so damaged bytes are an error here rather
    /// than a wrong answer or a panic later.
    pub fn new(data: D) -> Result<Self, IndexError> {
        let fst = Fst::new(data)?;
        fst.verify()?;
        Ok(Self { fst })
    }

    /// The number of (name, entry) pairs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.fst.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fst.is_empty()
    }

    /// Every indexed name that `text[start..]` begins with, into `found`
    /// (cleared first): each name's end (the byte offset where it ends) and
    /// the entries bearing it, shortest first, leaving out entries
    /// `>= entry_limit`. Only names whose end satisfies `accept_end` are
    /// reported (the geoparser wants names that end on a word boundary).
    pub fn names_at(
        &self,
        text: &[u8],
        start: usize,
        entry_limit: u32,
        accept_end: impl Fn(usize) -> bool,
        found: &mut Found,
    ) {
        found.clear();
        self.walk(
            self.fst.root(),
            text,
            (start, start),
            entry_limit,
            accept_end,
            found,
        );
    }

    /// [`NameIndex::names_at`] for a text whose bytes `start..resume.0` are
    /// a first word [`NameIndex::first_words`] gave `resume.1` for: the walk
    /// picks up where that word ends instead of reading it again.
    pub fn names_resuming(
        &self,
        text: &[u8],
        start: usize,
        resume: (usize, Resume),
        entry_limit: u32,
        accept_end: impl Fn(usize) -> bool,
        found: &mut Found,
    ) {
        let (from, Resume(addr)) = resume;
        if from <= start || addr >= self.fst.as_bytes().len() {
            return self.names_at(text, start, entry_limit, accept_end, found);
        }
        found.clear();
        let node = self.fst.node(addr);
        self.walk(node, text, (start, from), entry_limit, accept_end, found);
    }

    /// Walks on from `node`, reached by reading `text[start..from]`.
    fn walk<'a>(
        &'a self,
        mut node: Node<'a>,
        text: &[u8],
        (start, from): (usize, usize),
        entry_limit: u32,
        accept_end: impl Fn(usize) -> bool,
        found: &mut Found,
    ) {
        for end in from..=text.len() {
            if end > start
                && accept_end(end)
                && let Some(i) = node.find_input(NAME_END)
            {
                let first = found.entries.len();
                let below = self.fst.node(node.transition_addr(i));
                self.collect_entries(below, 0, 0, entry_limit, &mut found.entries);
                if found.entries.len() > first {
                    found.names.push((end, first..found.entries.len()));
                }
            }
            let Some(&byte) = text.get(end) else { break };
            let Some(i) = node.find_input(byte) else {
                break;
            };
            node = self.fst.node(node.transition_addr(i));
        }
    }

    /// Calls `visit` once with every distinct first word of the indexed
    /// names: the longest run of bytes for which `is_word_byte` holds at a
    /// name's start. A text word that is none of these cannot begin a name,
    /// so the geoparser sets them once rather than walking the index at every
    /// capitalised word (177k first words in about 13 ms for the whole
    /// gazetteer).
    ///
    /// With each word comes where reading it leads in the index, for
    /// [`NameIndex::names_resuming`].
    pub fn first_words(
        &self,
        is_word_byte: impl Fn(u8) -> bool,
        mut visit: impl FnMut(&[u8], Resume),
    ) {
        // Depth-first over the word bytes from the root; a node with any
        // other way out ends a first word. An explicit stack: (node address,
        // how many of its transitions are done, the word so far's length).
        let mut word = Vec::new();
        let mut stack = vec![(self.fst.root().addr(), 0usize)];
        while let Some((addr, next)) = stack.last_mut() {
            let node = self.fst.node(*addr);
            if *next == 0 && !word.is_empty() && node.transitions().any(|t| !is_word_byte(t.inp)) {
                visit(&word, Resume(*addr));
            }
            let Some(i) = (*next..node.len()).find(|&i| is_word_byte(node.transition(i).inp))
            else {
                stack.pop();
                word.pop();
                continue;
            };
            *next = i + 1;
            let t = node.transition(i);
            word.push(t.inp);
            stack.push((t.addr, 0));
        }
    }

    /// The entry indices below a name's end (every 4-byte path to a final
    /// node) that are below `limit`.
    fn collect_entries(
        &self,
        node: Node<'_>,
        depth: u32,
        prefix: u32,
        limit: u32,
        out: &mut Vec<u32>,
    ) {
        if depth == 4 {
            if node.is_final() && prefix < limit {
                out.push(prefix);
            }
            return;
        }
        for t in node.transitions() {
            let value = (prefix << 8) | u32::from(t.inp);
            self.collect_entries(self.fst.node(t.addr), depth + 1, value, limit, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_at(
        index: &NameIndex<Vec<u8>>,
        text: &[u8],
        start: usize,
        accept_end: impl Fn(usize) -> bool,
    ) -> Vec<(usize, Vec<u32>)> {
        let mut found = Found::default();
        index.names_at(text, start, u32::MAX, accept_end, &mut found);
        found.to_vec()
    }

    fn index(pairs: &[(&str, u32)]) -> NameIndex<Vec<u8>> {
        let mut builder = NameIndexBuilder::new();
        for &(name, entry) in pairs {
            builder.add(name, entry);
        }
        let bytes = builder.build().unwrap_or_else(|e| panic!("{e}"));
        NameIndex::new(bytes).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn names_are_found_folded_with_all_their_entries() {
        let index = index(&[
            ("Gao", 7),
            ("Gao", 300_000),
            ("Ménaka", 2),
            ("Gao Region", 9),
        ]);
        assert_eq!(index.len(), 4);
        let text = b"gao region, menaka";
        let every_end = |_| true;
        assert_eq!(
            names_at(&index, text, 0, every_end),
            vec![(3, vec![7, 300_000]), (10, vec![9])]
        );
        assert_eq!(names_at(&index, text, 12, every_end), vec![(18, vec![2])]);
        assert!(names_at(&index, text, 1, every_end).is_empty());
    }

    #[test]
    fn first_words_are_each_names_leading_word_once() {
        let index = index(&[
            ("Gao", 1),
            ("Gao", 2),
            ("Gao Region", 3),
            ("Gaoual", 4),
            ("Nord-Kivu", 5),
            ("Ménaka", 6),
        ]);
        let mut words = Vec::new();
        index.first_words(
            |b| b.is_ascii_alphanumeric() || b >= 0x80,
            |w, resume| words.push((String::from_utf8_lossy(w).into_owned(), resume)),
        );
        words.sort_by(|a, b| a.0.cmp(&b.0));
        let names: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(names, ["gao", "gaoual", "menaka", "nord"]);
        // Resuming after a first word finds what a walk from its start finds.
        let text = b"gao region";
        let every_end = |_| true;
        let mut found = Found::default();
        index.names_resuming(text, 0, (3, words[0].1), u32::MAX, every_end, &mut found);
        assert_eq!(found.to_vec(), names_at(&index, text, 0, every_end));
        assert_eq!(found.to_vec(), vec![(3, vec![1, 2]), (10, vec![3])]);
        // Entries past the limit are left out, and a name with none left.
        index.names_resuming(text, 0, (3, words[0].1), 3, every_end, &mut found);
        assert_eq!(found.to_vec(), vec![(3, vec![1, 2])]);
    }

    #[test]
    fn only_accepted_ends_are_reported() {
        let index = index(&[("Gao", 1)]);
        let word_end = |text: &[u8]| {
            let text = text.to_vec();
            move |end: usize| text.get(end).is_none_or(|b| !b.is_ascii_alphanumeric())
        };
        assert!(names_at(&index, b"gaoual", 0, word_end(b"gaoual")).is_empty());
        assert_eq!(
            names_at(&index, b"gao", 0, word_end(b"gao")),
            vec![(3, vec![1])]
        );
    }

    #[test]
    fn build_is_deterministic_and_skips_one_letter_names() {
        let mut a = NameIndexBuilder::new();
        assert!(!a.add("A", 1));
        assert!(a.add("Niger", 1));
        assert!(a.add("Niamey", 2));
        let mut b = NameIndexBuilder::new();
        b.add("Niamey", 2);
        b.add("NIGER", 1);
        b.add("Niger", 1);
        let (a, b) = (a.build().ok(), b.build().ok());
        assert!(a.is_some());
        assert_eq!(a, b);
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let mut builder = NameIndexBuilder::new();
        builder.add("Tombouctou", 3);
        let mut bytes = builder.build().unwrap_or_default();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        assert!(NameIndex::new(bytes).is_err());
        assert!(NameIndex::new(vec![1, 2, 3]).is_err());
    }
}
