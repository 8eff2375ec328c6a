//! Languages and the bilingual text type used throughout scenarios and feedback.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// A language spin-coach speaks: Chinese or English.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Deserialize,
    Serialize,
    PartialOrd,
    Ord,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language code as written in files and on the command line.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses `zh` or `en` (also `zh-CN`, `en_US.UTF-8` and similar locale forms).
    #[must_use]
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
    /// first one set), if it is Chinese or English.
    #[must_use]
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
    }

    /// The language a text is written in: Chinese when it holds any Han character.
    #[must_use]
    pub fn detect(s: &str) -> Lang {
        if crate::text::has_han(s) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Picks the string for this language from a pair.
    #[must_use]
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Text a trainee may see: one string in the scenario's language, or a `{zh, en}` pair.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// The Chinese form, if given.
    pub zh: Option<String>,
    /// The English form, if given.
    pub en: Option<String>,
    /// A plain string given without a language tag.
    pub plain: Option<String>,
}

impl Text {
    /// Builds a plain, untagged text.
    #[must_use]
    pub fn plain(s: impl Into<String>) -> Self {
        Text {
            plain: Some(s.into()),
            ..Text::default()
        }
    }

    /// The text in `lang`, falling back to the untagged form and then the other language.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        };
        own.as_deref()
            .or(self.plain.as_deref())
            .or(self.zh.as_deref())
            .or(self.en.as_deref())
            .unwrap_or("")
    }

    /// Every string this text holds, for validation and lexicon checks.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [&self.plain, &self.zh, &self.en]
            .into_iter()
            .filter_map(|s| s.as_deref())
    }

    /// True when no form has any non-blank content.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.all().all(|s| s.trim().is_empty())
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let (Some(p), None, None) = (&self.plain, &self.zh, &self.en) {
            return s.serialize_str(p);
        }
        let mut m = s.serialize_map(None)?;
        if let Some(z) = &self.zh {
            m.serialize_entry("zh", z)?;
        }
        if let Some(e) = &self.en {
            m.serialize_entry("en", e)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

/// A folded Chinese text without the spaces YAML put between its lines (see
/// [`crate::scenario::fold`]); other text as it is.
fn unfold(s: String) -> String {
    crate::scenario::fold::unfold(s)
}

/// A key of a translated text, read without copying the two known ones.
enum TextKey {
    Zh,
    En,
    Other(String),
}

impl<'de> Deserialize<'de> for TextKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = TextKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`zh` or `en`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextKey, E> {
                Ok(match v {
                    "zh" => TextKey::Zh,
                    "en" => TextKey::En,
                    other => TextKey::Other(other.to_string()),
                })
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, or a map with `zh` and/or `en` strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::plain(unfold(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::plain(unfold(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        Ok(Text::plain(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        Ok(Text::plain(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        Ok(Text::plain(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut t = Text::default();
        while let Some(key) = map.next_key::<TextKey>()? {
            match key {
                TextKey::Zh if t.zh.is_none() => t.zh = Some(unfold(map.next_value()?)),
                TextKey::En if t.en.is_none() => t.en = Some(unfold(map.next_value()?)),
                TextKey::Zh | TextKey::En => return Err(de::Error::duplicate_field("zh/en")),
                TextKey::Other(other) => {
                    return Err(de::Error::unknown_field(&other, &["zh", "en"]));
                }
            }
        }
        if t.zh.is_none() && t.en.is_none() {
            return Err(de::Error::custom(
                "a translated text needs at least one of `zh` or `en`",
            ));
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_picks_language_and_falls_back() {
        let t = Text {
            zh: Some("你好".into()),
            en: Some("hello".into()),
            plain: None,
        };
        assert_eq!(t.get(Lang::Zh), "你好");
        assert_eq!(t.get(Lang::En), "hello");
        let z = Text {
            zh: Some("你好".into()),
            ..Text::default()
        };
        assert_eq!(z.get(Lang::En), "你好");
        assert_eq!(Text::plain("x").get(Lang::Zh), "x");
    }

    #[test]
    fn lang_parse_and_detect() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::detect("请问"), Lang::Zh);
        assert_eq!(Lang::detect("how"), Lang::En);
    }
}
