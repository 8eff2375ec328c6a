//! Hot reload: when the open scenario comes from a file, F5 (or a change of the
//! file on disk) reloads it and replays the trainee's turns against the new
//! version; validation errors are shown without losing the meeting.

use super::app::App;
use crate::scenario::Origin;
use std::path::PathBuf;
use std::time::SystemTime;

impl App {
    /// The file behind the open scenario, if it came from one.
    #[must_use]
    pub fn scenario_file(&self) -> Option<PathBuf> {
        let i = self.meeting.as_ref().map(|m| m.scenario).or(self.current)?;
        match &self.scenarios.get(i)?.origin {
            Origin::File(p) => Some(p.clone()),
            Origin::Bundled => None,
        }
    }

    fn mtime(p: &std::path::Path) -> Option<SystemTime> {
        std::fs::metadata(p).and_then(|m| m.modified()).ok()
    }

    /// True when the open scenario's file changed since it was loaded or last checked.
    pub fn file_changed(&mut self) -> bool {
        let Some(p) = self.scenario_file() else {
            return false;
        };
        let now = Self::mtime(&p);
        match &self.watch {
            Some((q, seen)) if *q == p => {
                if now != *seen {
                    self.watch = Some((p, now));
                    return true;
                }
                false
            }
            _ => {
                self.watch = Some((p, now));
                false
            }
        }
    }

    /// Reloads the open scenario from its file and replays the meeting; problems
    /// become a message and the previous version stays in use.
    pub fn reload(&mut self) {
        let Some(p) = self.scenario_file() else {
            self.message = Some(
                self.lang
                    .pick(
                        "内置场景不能重新加载;请用 --scenarios 或文件路径打开",
                        "bundled scenarios do not reload; open a scenario file to edit it live",
                    )
                    .to_string(),
            );
            return;
        };
        let Some(i) = self.meeting.as_ref().map(|m| m.scenario).or(self.current) else {
            return;
        };
        self.watch = Some((p.clone(), Self::mtime(&p)));
        match crate::scenario::load_file(&p) {
            Ok(loaded) => {
                self.scenarios[i] = super::scenarios::Entry::loaded(loaded);
                self.replay();
                self.message = Some(
                    self.lang
                        .pick(
                            "已重新加载场景,并重放了之前的回合",
                            "scenario reloaded; your turns were replayed on the new version",
                        )
                        .to_string(),
                );
            }
            Err(problems) => {
                let list: Vec<String> = problems.iter().take(6).map(ToString::to_string).collect();
                self.message = Some(list.join("\n"));
            }
        }
    }
}
