//! Tools for scenario writers: a commented template (`new`), the JSON Schema of the
//! file formats (`schema`), extra checks on top of validation (`lint`), scenario test
//! files and their runner (`testfile`, `runner`), and seeded random exploration
//! (`explore`). The CLI commands in `commands/` are thin wrappers around these.

pub mod coverage;
pub mod expect;
pub mod explore;
pub mod frames;
pub mod lint;
pub mod names;
pub mod phrasings;
pub mod reach;
pub mod runner;
pub mod schema;
pub mod template;
pub mod testcheck;
pub mod testfile;
pub mod texts;
pub mod tryout;

/// Longest scenario id accepted, the same limit validation applies.
pub const MAX_ID_CHARS: usize = crate::scenario::validate::MAX_ID_CHARS;

/// Checks a new scenario id: lower-case letters, digits, `-` and `_`, starting with a
/// letter or digit, at most [`MAX_ID_CHARS`] characters.
///
/// # Errors
/// What is wrong with the id, in words.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("the id is empty".into());
    }
    if id.chars().count() > MAX_ID_CHARS {
        return Err(format!("the id is longer than {MAX_ID_CHARS} characters"));
    }
    let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if let Some(bad) = id.chars().find(|c| !ok_char(*c)) {
        return Err(format!("the id contains `{bad}`"));
    }
    if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("the id must start with a letter or a digit".into());
    }
    Ok(())
}

/// The test file that belongs to a scenario file: `<stem>.test.yaml` beside it.
#[must_use]
pub fn test_path_for(scenario: &std::path::Path) -> std::path::PathBuf {
    let name = scenario
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(&name);
    scenario.with_file_name(format!("{stem}.test.yaml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(check_id("flower-shop_2").is_ok());
        assert!(check_id("").is_err());
        assert!(check_id("-x").is_err());
        assert!(check_id("Flower").is_err());
        assert!(check_id("a/b").is_err());
        assert!(check_id("花店").is_err());
        assert!(check_id(&"a".repeat(MAX_ID_CHARS + 1)).is_err());
    }

    #[test]
    fn test_path_sits_beside_the_scenario() {
        let p = test_path_for(std::path::Path::new("dir/shop.yaml"));
        assert_eq!(p, std::path::Path::new("dir/shop.test.yaml"));
        let p = test_path_for(std::path::Path::new("x.yml"));
        assert_eq!(p, std::path::Path::new("x.test.yaml"));
    }
}
