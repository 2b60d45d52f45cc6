//! A feature's source attributes. The atlas's own features keep them as a
//! map; an imported file's keep the JSON text they came in, parsed when
//! shown or exported: a world of regions with a hundred attributes each
//! took 78 MB as maps and takes 11 MB as text. Where a feature's attributes
//! have the same names in the same order as the file's first feature's (as
//! GIS exports write them), only the values' text is kept, the names once
//! for the layer: 11 MB of text becomes 5.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

#[derive(Clone, Debug)]
pub enum Properties {
    Map(Arc<Map<String, Value>>),
    /// The text of a JSON object, as read from a file.
    Text(Arc<str>),
    /// The values' text of a JSON object whose member names are `names`,
    /// in order, each value followed by [`SEPARATOR`].
    Values {
        names: Keys,
        values: Arc<str>,
    },
}

/// Member names shared by the features of a layer.
pub type Keys = Arc<[String]>;

/// Ends each value's text in [`Properties::Values`]: a control character,
/// which JSON text never holds unescaped, so no value can contain it.
const SEPARATOR: char = '\u{1}';

impl PartialEq for Properties {
    /// The same attributes, however kept.
    fn eq(&self, other: &Self) -> bool {
        self.to_map() == other.to_map()
    }
}

/// An object's members as name and value text, in order (`None` if the
/// text is not an object).
fn members(object: &str) -> Option<Vec<(Cow<'_, str>, &RawValue)>> {
    struct Members;
    impl<'de> Visitor<'de> for Members {
        type Value = Vec<(Cow<'de, str>, &'de RawValue)>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(name) = map.next_key::<Cow<'de, str>>()? {
                out.push((name, map.next_value::<&'de RawValue>()?));
            }
            Ok(out)
        }
    }
    let mut reader = serde_json::Deserializer::from_str(object);
    let members = (&mut reader).deserialize_map(Members).ok()?;
    reader.end().ok()?;
    Some(members)
}

/// The member names of a JSON object's text, to share with the features
/// that have the same (see [`Properties::text_sharing`]).
#[must_use]
pub fn keys_of(object: &str) -> Option<Keys> {
    let names: Vec<String> = members(object)?
        .into_iter()
        .map(|(name, _)| name.into_owned())
        .collect();
    Some(names.into())
}

impl Default for Properties {
    fn default() -> Self {
        Self::Map(Arc::default())
    }
}

impl From<Map<String, Value>> for Properties {
    fn from(map: Map<String, Value>) -> Self {
        Self::Map(Arc::new(map))
    }
}

impl Properties {
    /// Properties kept as the text of a JSON object (checked by the reader).
    #[must_use]
    pub fn text(object: &str) -> Self {
        Self::Text(Arc::from(object))
    }

    /// Properties kept from the text of a JSON object: only its values if
    /// its member names are `names` in order (values holding no
    /// [`SEPARATOR`], as valid JSON never does), else the whole text.
    #[must_use]
    pub fn text_sharing(object: &str, names: Option<&Keys>) -> Self {
        let Some(names) = names else {
            return Self::text(object);
        };
        let Some(members) = members(object) else {
            return Self::text(object);
        };
        let same_names = members.len() == names.len()
            && members.iter().zip(names.iter()).all(|((a, _), b)| a == b);
        if !same_names || members.iter().any(|(_, v)| v.get().contains(SEPARATOR)) {
            return Self::text(object);
        }
        let mut values =
            String::with_capacity(members.iter().map(|(_, v)| v.get().len() + 1).sum());
        for (_, value) in &members {
            values.push_str(value.get());
            values.push(SEPARATOR);
        }
        Self::Values {
            names: Arc::clone(names),
            values: Arc::from(values),
        }
    }

    /// All of them, as a map (the text parsed; text that is not an object
    /// gives none, which the reader never lets through).
    #[must_use]
    pub fn to_map(&self) -> Cow<'_, Map<String, Value>> {
        match self {
            Self::Map(map) => Cow::Borrowed(map),
            Self::Text(text) => Cow::Owned(serde_json::from_str(text).unwrap_or_default()),
            Self::Values { names, values } => Cow::Owned(
                names
                    .iter()
                    .zip(values.split_terminator(SEPARATOR))
                    .map(|(name, value)| {
                        (
                            name.clone(),
                            serde_json::from_str(value).unwrap_or(Value::Null),
                        )
                    })
                    .collect(),
            ),
        }
    }

    /// One property.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<Cow<'_, Value>> {
        match self {
            Self::Map(map) => map.get(key).map(Cow::Borrowed),
            Self::Text(_) => self.to_map().into_owned().remove(key).map(Cow::Owned),
            Self::Values { names, values } => {
                // The last of a repeated name wins, as in a parsed object.
                let at = names.iter().rposition(|name| name == key)?;
                let value = values.split_terminator(SEPARATOR).nth(at)?;
                serde_json::from_str(value).ok().map(Cow::Owned)
            }
        }
    }

    /// One property, if it is a string.
    #[must_use]
    pub fn get_str(&self, key: &str) -> Option<Cow<'_, str>> {
        match self.get(key)? {
            Cow::Borrowed(Value::String(s)) => Some(Cow::Borrowed(s)),
            Cow::Owned(Value::String(s)) => Some(Cow::Owned(s)),
            _ => None,
        }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.to_map().len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Map(map) => map.is_empty(),
            Self::Text(_) => self.len() == 0,
            Self::Values { names, .. } => names.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_map_read_the_same() {
        let text = r#"{"name": "Gao", "population": 86633, "tags": ["a"]}"#;
        let map: Map<String, Value> = serde_json::from_str(text).unwrap_or_default();
        for properties in [Properties::text(text), Properties::from(map.clone())] {
            assert_eq!(properties.len(), 3);
            assert_eq!(properties.get_str("name").as_deref(), Some("Gao"));
            assert_eq!(
                properties.get("population").map(Cow::into_owned),
                Some(86_633.into())
            );
            assert!(properties.get("missing").is_none());
            assert_eq!(*properties.to_map(), map);
        }
        assert!(Properties::text("{}").is_empty());
    }

    #[test]
    fn values_sharing_names_read_as_their_text() {
        let first = r#"{"name": "Gao", "n": 1, "n": [2, "\u0001"], "x": {"a": null}}"#;
        let names = keys_of(first);
        assert_eq!(names.as_deref().map(<[String]>::len), Some(4));
        let same = r#"{"name": "Mopti", "n": 1.5, "n": -3, "x": "a, b"}"#;
        let other_order = r#"{"n": 1, "name": "Mopti", "n": 2, "x": 3}"#;
        for text in [first, same, other_order, "{}", r#"{"name": "Kidal"}"#] {
            let shared = Properties::text_sharing(text, names.as_ref());
            assert_eq!(shared, Properties::text(text), "{text}");
            let map: Map<String, Value> = serde_json::from_str(text).unwrap_or_default();
            assert_eq!(*shared.to_map(), map);
            for key in ["name", "n", "x", "missing"] {
                assert_eq!(
                    shared.get(key),
                    map.get(key).map(Cow::Borrowed),
                    "{key} of {text}"
                );
            }
            assert_eq!(shared.is_empty(), map.is_empty());
        }
        assert!(matches!(
            Properties::text_sharing(same, names.as_ref()),
            Properties::Values { .. }
        ));
        assert!(matches!(
            Properties::text_sharing(other_order, names.as_ref()),
            Properties::Text(_)
        ));
        assert!(Properties::default().is_empty());
    }
}
