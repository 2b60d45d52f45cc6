//! A `FeatureCollection` file read a window at a time: the features found
//! complete in each window of the file are read on every core and the
//! window's bytes are dropped, so the whole file is never in memory at once
//! (the world's admin-1 regions are 62 MB of text, which read whole made
//! opening them peak at the text plus everything read from it).
//!
//! A scanner finds where each feature of the top-level `"features"` array
//! begins and ends (strings, escapes and nesting; nothing else is checked
//! there). The members besides `"features"` are checked as JSON and each
//! feature by the same reader as a file read whole. Whenever the file is not
//! a plain collection this scanner can split, or holds JSON that is not
//! valid, the reader says so ([`Streamed::ReadWhole`]) and the caller reads
//! the file whole, which gives the same features or explains the error with
//! its line and column, exactly as before.

use std::io::Read;
use std::ops::Range;

use rayon::prelude::*;
use serde::de::IgnoredAny;

use super::{Builder, ImportedLayer, Parsed, Progress, Stage, parse_feature, property_names};
use crate::atlas::properties::Keys;

/// Bytes read from the file at a time.
const WINDOW: usize = 8 << 20;

/// A top-level member's value is kept to check it (and read `"type"`) up to
/// this size; a larger one sends the file to the whole-file reader.
const MAX_MEMBER: usize = 1 << 20;

/// The members of the top level the whole-file reader knows: a second one
/// of any of them is an error there.
const KNOWN_MEMBERS: [&[u8]; 8] = [
    b"type",
    b"features",
    b"crs",
    b"id",
    b"properties",
    b"geometry",
    b"coordinates",
    b"geometries",
];

/// What reading a file window by window gave.
#[derive(Debug)]
pub enum Streamed {
    Layer(ImportedLayer),
    /// Not a plain `FeatureCollection`, or not valid JSON: read it whole.
    ReadWhole,
}

/// Where the scanner is in the top-level object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before the top-level object.
    Start,
    /// After `{` or `,`: a member's name (or, after `{`, the end).
    Key { first: bool },
    /// Inside a member's name.
    InKey,
    /// After a member's name.
    Colon,
    /// After `:`.
    Value,
    /// Inside a member's value other than `"features"`.
    Member,
    /// After a member's value.
    AfterMember,
    /// After the `[` of `"features"`, or a `,` there: a feature (or, first,
    /// the end).
    Feature { first: bool },
    /// Inside a feature.
    InFeature,
    /// After a feature.
    AfterFeature,
    /// After the top-level object: only white space may follow.
    End,
}

/// Nesting within a value being skipped over.
#[derive(Clone, Copy, Debug, Default)]
struct Nesting {
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// A number or literal (true, false, null) at the top of the value.
    scalar: bool,
}

impl Nesting {
    /// Takes `byte` (the value's first if `depth` is 0 and nothing began);
    /// true when the value ended with this byte.
    fn step(&mut self, byte: u8) -> bool {
        self.skip(&[byte]).is_some()
    }
}

/// Bytes that matter to [`Nesting::skip`] outside strings.
const STRUCTURAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'{' as usize] = true;
    table[b'[' as usize] = true;
    table[b'}' as usize] = true;
    table[b']' as usize] = true;
    table
};

impl Nesting {
    /// Follows `bytes` to the byte that ends the value (a bracket back to
    /// depth 0, or the quote closing a string at depth 0): its offset, or
    /// `None` if they end first. A tight loop: it reads the whole file's
    /// features.
    fn skip(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if byte == b'\\' {
                    self.escaped = true;
                } else if byte == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(at);
                    }
                }
            } else if STRUCTURAL[usize::from(byte)] {
                match byte {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    _ => {
                        self.depth = self.depth.saturating_sub(1);
                        if self.depth == 0 {
                            return Some(at);
                        }
                    }
                }
            }
            at += 1;
        }
        None
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// The scan of the top level, fed the file's bytes in order.
struct Scanner {
    state: State,
    nesting: Nesting,
    key: Vec<u8>,
    /// The member whose value is being read.
    member: Vec<u8>,
    /// That value's bytes so far (other than the features).
    value: Vec<u8>,
    seen: Vec<Vec<u8>>,
    /// `"type"`'s value, `"crs"` present.
    kind: Option<Vec<u8>>,
    crs: bool,
    /// Where the feature being scanned began in the buffer.
    feature_start: Option<usize>,
}

/// The scan cannot go on: the file goes to the whole-file reader.
struct ReadWhole;

impl Scanner {
    fn new() -> Self {
        Self {
            state: State::Start,
            nesting: Nesting::default(),
            key: Vec::new(),
            member: Vec::new(),
            value: Vec::new(),
            seen: Vec::new(),
            kind: None,
            crs: false,
            feature_start: None,
        }
    }

    /// Scans `buffer[from..]`, pushing the features completed there (as
    /// ranges of `buffer`) onto `features`.
    fn scan(
        &mut self,
        buffer: &[u8],
        from: usize,
        features: &mut Vec<Range<usize>>,
    ) -> Result<(), ReadWhole> {
        let mut at = from;
        while at < buffer.len() {
            let byte = buffer[at];
            match self.state {
                State::InFeature => {
                    // The bulk of the file: nothing but nesting to follow.
                    match self.nesting.skip(&buffer[at..]) {
                        Some(last) => {
                            let start = self.feature_start.take().ok_or(ReadWhole)?;
                            at += last;
                            features.push(start..at + 1);
                            self.state = State::AfterFeature;
                        }
                        None => at = buffer.len(),
                    }
                    if at >= buffer.len() {
                        break;
                    }
                }
                _ if is_space(byte) && !self.in_text() => {}
                State::Start => {
                    self.state = if byte == b'{' {
                        State::Key { first: true }
                    } else {
                        return Err(ReadWhole);
                    };
                }
                State::Key { first } => match byte {
                    b'"' => {
                        self.key.clear();
                        self.state = State::InKey;
                    }
                    b'}' if first => self.state = State::End,
                    _ => return Err(ReadWhole),
                },
                State::InKey => match byte {
                    b'"' => self.state = State::Colon,
                    // Escaped names are left to the whole-file reader.
                    b'\\' => return Err(ReadWhole),
                    _ => self.key.push(byte),
                },
                State::Colon => {
                    // Names the whole-file reader would refuse go to it.
                    let bad_name = std::str::from_utf8(&self.key).is_err()
                        || self.key.iter().any(|&b| b < 0x20);
                    if byte != b':' || bad_name {
                        return Err(ReadWhole);
                    }
                    if KNOWN_MEMBERS.contains(&self.key.as_slice()) {
                        if self.seen.contains(&self.key) {
                            return Err(ReadWhole);
                        }
                        self.seen.push(self.key.clone());
                    }
                    self.member = std::mem::take(&mut self.key);
                    self.state = State::Value;
                }
                State::Value => {
                    if self.member == b"features" {
                        if byte != b'[' {
                            return Err(ReadWhole);
                        }
                        self.state = State::Feature { first: true };
                    } else {
                        self.value.clear();
                        self.nesting = Nesting::default();
                        self.state = State::Member;
                        // The value's first byte, read again as a member's.
                        continue;
                    }
                }
                State::Member => {
                    if self.member_byte(byte)? {
                        self.end_member()?;
                        // A number or literal ends before what follows it.
                        continue;
                    }
                }
                State::AfterMember => match byte {
                    b',' => self.state = State::Key { first: false },
                    b'}' => self.state = State::End,
                    _ => return Err(ReadWhole),
                },
                State::Feature { first } => match byte {
                    b'{' => {
                        self.feature_start = Some(at);
                        self.nesting = Nesting::default();
                        self.nesting.step(byte);
                        self.state = State::InFeature;
                    }
                    b']' if first => self.state = State::AfterMember,
                    _ => return Err(ReadWhole),
                },
                State::AfterFeature => match byte {
                    b',' => self.state = State::Feature { first: false },
                    b']' => self.state = State::AfterMember,
                    _ => return Err(ReadWhole),
                },
                State::End => return Err(ReadWhole),
            }
            at += 1;
        }
        Ok(())
    }

    /// Whether white space belongs to what is being read (a name).
    fn in_text(&self) -> bool {
        matches!(self.state, State::InKey | State::Member)
    }

    /// Takes one byte of a member's value; true if the value ended before
    /// it (a number or literal: the byte is not the value's).
    fn member_byte(&mut self, byte: u8) -> Result<bool, ReadWhole> {
        let nesting = &mut self.nesting;
        if self.value.is_empty() && !matches!(byte, b'"' | b'{' | b'[') {
            nesting.scalar = true;
        }
        if nesting.scalar {
            if is_space(byte) || matches!(byte, b',' | b'}' | b']') {
                return Ok(true);
            }
            self.value.push(byte);
        } else {
            self.value.push(byte);
            if nesting.step(byte) {
                self.end_member()?;
            }
        }
        if self.value.len() > MAX_MEMBER {
            return Err(ReadWhole);
        }
        Ok(false)
    }

    /// A member's value is complete: checked as JSON, and kept if needed.
    fn end_member(&mut self) -> Result<(), ReadWhole> {
        if serde_json::from_slice::<IgnoredAny>(&self.value).is_err() {
            return Err(ReadWhole);
        }
        match self.member.as_slice() {
            b"type" => self.kind = Some(std::mem::take(&mut self.value)),
            // `"crs": null` is no crs to the whole-file reader either.
            b"crs" => self.crs = self.value != b"null",
            _ => {}
        }
        self.value.clear();
        self.state = State::AfterMember;
        Ok(())
    }
}

/// A window of the file, scanned: its bytes (those of a feature begun in
/// the window before first) and the features complete in it.
struct Window {
    bytes: Vec<u8>,
    /// Bytes read from the file into it.
    read: usize,
    features: Vec<Range<usize>>,
}

impl Window {
    fn text(&self, feature: &Range<usize>) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(feature.clone())?).ok()
    }

    /// Its features read and checked on every core (their properties
    /// sharing `names` where they have them); `None` if one is not valid
    /// JSON.
    fn parse(&self, names: Option<&Keys>) -> Option<Vec<Parsed>> {
        self.features
            .par_iter()
            .with_min_len(16)
            .map(|range| {
                let parsed = parse_feature(self.text(range)?, names);
                (!parsed.invalid_json).then_some(parsed)
            })
            .collect()
    }
}

/// The next window of `file` after `carry` (the feature the last window
/// ended inside), scanned, in `bytes` (a buffer to reuse: the same two
/// buffers take turns, so memory stays at two windows); `Ok(None)` at the
/// end of the file.
fn next_window(
    file: &mut impl Read,
    scanner: &mut Scanner,
    carry: &[u8],
    mut bytes: Vec<u8>,
    window: usize,
) -> std::io::Result<Result<Option<Window>, ReadWhole>> {
    bytes.clear();
    bytes.extend_from_slice(carry);
    let resume_at = bytes.len();
    if let Some(start) = &mut scanner.feature_start {
        *start = 0;
    }
    // Filled in place rather than by `read_to_end`, whose growth would
    // leave a buffer of a different size each time.
    bytes.resize(resume_at + window, 0);
    let mut filled = resume_at;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    let read = filled - resume_at;
    if read == 0 {
        return Ok(Ok(None));
    }
    let mut features = Vec::new();
    if scanner.scan(&bytes, resume_at, &mut features).is_err() {
        return Ok(Err(ReadWhole));
    }
    Ok(Ok(Some(Window {
        bytes,
        read,
        features,
    })))
}

/// Reads `file` (of `size` bytes) as a `FeatureCollection`, window by
/// window; `name` is the layer's name and `layer` its id prefix.
pub fn import(
    file: &mut (impl Read + Send),
    size: u64,
    name: &str,
    layer: &str,
    progress: &Progress,
) -> std::io::Result<Streamed> {
    import_in_windows(file, size, name, layer, progress, WINDOW)
}

/// [`import`], reading `window` bytes at a time.
pub fn import_in_windows(
    file: &mut (impl Read + Send),
    size: u64,
    name: &str,
    layer: &str,
    progress: &Progress,
    window: usize,
) -> std::io::Result<Streamed> {
    // A small file needs no more than its size (and a byte to see its end).
    let window = window
        .min(
            usize::try_from(size)
                .unwrap_or(usize::MAX)
                .saturating_add(1),
        )
        .max(1);
    let megabytes = |bytes: u64| usize::try_from(bytes.div_ceil(1 << 20)).unwrap_or(usize::MAX);
    progress.start(Stage::Reading, megabytes(size));
    let mut scanner = Scanner::new();
    let mut out = Builder::new(layer);
    let mut read_so_far = 0u64;
    let mut count = 0;
    let Ok(mut current) = next_window(file, &mut scanner, &[], Vec::new(), window)? else {
        return Ok(Streamed::ReadWhole);
    };
    let mut spare = Vec::new();
    // The property names of the file's first feature, once it is found.
    let mut names: Option<Option<Keys>> = None;
    // While one window's features are read (on every core), the next
    // window is read and scanned.
    while let Some(this) = current.take() {
        read_so_far += this.read as u64;
        let carry = scanner
            .feature_start
            .and_then(|start| this.bytes.get(start..))
            .unwrap_or_default();
        let buffer = std::mem::take(&mut spare);
        if names.is_none()
            && let Some(first) = this.features.first()
        {
            names = Some(this.text(first).and_then(property_names));
        }
        let shared = names.as_ref().and_then(Option::as_ref);
        let (parsed, next) = rayon::join(
            || this.parse(shared),
            || next_window(file, &mut scanner, carry, buffer, window),
        );
        spare = this.bytes;
        let (Some(parsed), Ok(next)) = (parsed, next?) else {
            return Ok(Streamed::ReadWhole);
        };
        for parsed in parsed {
            out.add(count, parsed);
            count += 1;
        }
        progress.advance_to(megabytes(read_so_far));
        current = next;
    }
    let is_collection = scanner.state == State::End
        && scanner.kind.as_deref() == Some(b"\"FeatureCollection\"".as_slice())
        && scanner.seen.iter().any(|k| k == b"features");
    if !is_collection {
        return Ok(Streamed::ReadWhole);
    }
    Ok(Streamed::Layer(
        out.finish(name, scanner.crs.then(super::crs_warning)),
    ))
}
