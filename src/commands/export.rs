//! `spin-coach export <id> | --all --format md|json|csv|xapi [--trainee NAME]
//! [--trainee-id ID] [--detail meetings|turns] [-o FILE]`.

use crate::report::csv::row;
use crate::store::{Record, Store, atomic_write_with};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A Markdown report a trainer can read.
    Md,
    /// JSON: the full records, with the trainee's name.
    Json,
    /// CSV: one row per meeting.
    Csv,
    /// xAPI statements (a JSON array) for a learning record store.
    Xapi,
}

/// The JSON export document, also read by `class-report`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    /// Export format version.
    pub format: u32,
    /// Trainee name, if known.
    #[serde(default)]
    pub trainee: Option<String>,
    /// When exported.
    pub exported_at: String,
    /// The meetings.
    pub meetings: Vec<Record>,
}

/// The CSV header.
pub const CSV_HEADER: [&str; 25] = [
    "id",
    "trainee",
    "scenario",
    "status",
    "started_at",
    "finished_at",
    "score",
    "investigating",
    "developing",
    "demonstrating",
    "commitment",
    "situation",
    "problem",
    "implication",
    "need_payoff",
    "in_share",
    "implied_needs",
    "explicit_needs",
    "met_needs",
    "features",
    "functions",
    "advantages",
    "benefits",
    "relationship",
    "seed",
];

/// One CSV row for a record.
#[must_use]
pub fn csv_row(r: &Record, trainee: Option<&str>) -> String {
    let p = &r.report.score.parts;
    let c = &r.report.counts;
    let status = match r.status {
        crate::store::Status::Finished => "finished",
        crate::store::Status::Unfinished => "unfinished",
    };
    row([
        r.id.clone(),
        trainee.or(r.trainee.as_deref()).unwrap_or("").to_string(),
        r.scenario.clone(),
        status.to_string(),
        r.started_at.clone(),
        r.finished_at.clone().unwrap_or_default(),
        r.report.score.total.to_string(),
        p.investigating.points.to_string(),
        p.developing.points.to_string(),
        p.demonstrating.points.to_string(),
        p.commitment.points.to_string(),
        c.situation.to_string(),
        c.problem.to_string(),
        c.implication.to_string(),
        c.need_payoff.to_string(),
        c.in_share.to_string(),
        c.implied_needs.to_string(),
        c.explicit_needs.to_string(),
        c.met_needs.to_string(),
        c.features.to_string(),
        c.functions.to_string(),
        c.advantages.to_string(),
        c.benefits.to_string(),
        r.report.relationship.quadrant.to_string(),
        r.seed.to_string(),
    ])
}

/// How an export renders each meeting.
pub struct Render<'a> {
    /// The format.
    pub format: ExportFormat,
    /// The trainee's name carried into the export.
    pub trainee: Option<&'a str>,
    /// For `xapi`: the statements' settings and the scenarios' catalogue data.
    pub xapi: Option<(&'a crate::xapi::Settings, &'a super::statements::Catalogue)>,
}

/// Renders records in a format, all at once (what `export` streams).
///
/// # Errors
/// When JSON serialisation fails.
pub fn render(records: &[Record], how: &Render) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out, how.format, how.trainee)?;
    for r in records {
        let chunk = render_one(r.clone(), how)?;
        w.push(&chunk)?;
    }
    w.finish()?;
    Ok(String::from_utf8(out)?)
}

/// The statements of one meeting as items of the export's JSON array (indented
/// one level, joined by commas); empty for an unfinished meeting.
///
/// # Errors
/// When JSON serialisation fails.
pub fn xapi_chunk(
    r: &Record,
    settings: &crate::xapi::Settings,
    catalogue: &super::statements::Catalogue,
) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::new();
    let Some(all) = crate::xapi::statements(r, settings, catalogue.get(&r.scenario)) else {
        return Ok(out);
    };
    for (i, st) in all.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"  " } else { b",\n  " });
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Nested::at(1));
        st.serialize(&mut ser)?;
    }
    Ok(out)
}

/// One meeting's part of an export: its Markdown report, its JSON record (indented
/// as an item of the document's `meetings` list), its CSV row or its statements.
///
/// # Errors
/// When JSON serialisation fails.
fn render_one(mut r: Record, how: &Render) -> Result<Vec<u8>, serde_json::Error> {
    let (format, trainee) = (how.format, how.trainee);
    Ok(match format {
        ExportFormat::Md => crate::report::markdown::render(
            &r.report,
            trainee.or(r.trainee.as_deref()),
            r.when(),
            &r.id,
        )
        .into_bytes(),
        ExportFormat::Json => {
            if let Some(t) = trainee {
                r.trainee = Some(t.to_string());
            }
            let mut out = b"    ".to_vec();
            let mut ser = serde_json::Serializer::with_formatter(&mut out, Nested::new());
            r.serialize(&mut ser)?;
            out
        }
        ExportFormat::Csv => {
            let mut row = csv_row(&r, trainee);
            row.push('\n');
            row.into_bytes()
        }
        ExportFormat::Xapi => match how.xapi {
            Some((settings, catalogue)) => xapi_chunk(&r, settings, catalogue)?,
            None => Vec::new(),
        },
    })
}

/// `serde_json`'s pretty printer (two spaces a level) started two levels deep:
/// what it writes for a record inside the export document's `meetings` list. The
/// same calls as its `PrettyFormatter`, except that a line break and its indent
/// are written at once.
struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    fn new() -> Self {
        Self::at(2)
    }

    /// Started `level` levels deep.
    fn at(level: usize) -> Self {
        Nested {
            level,
            has_value: false,
        }
    }

    fn line<W: ?Sized + Write>(&self, w: &mut W) -> std::io::Result<()> {
        // A line break and 64 levels of indent.
        const LINE: [u8; 129] = {
            let mut l = [b' '; 129];
            l[0] = b'\n';
            l
        };
        match LINE.get(..=2 * self.level) {
            Some(l) => w.write_all(l),
            None => {
                w.write_all(b"\n")?;
                (0..self.level).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line(w)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line(w)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The export document around the meetings' parts: the JSON document's head and
/// tail, the CSV header, the rules between Markdown reports. The bytes are those
/// `serde_json::to_string_pretty` of an [`Export`] gives, and those of the
/// Markdown reports joined by `\n---\n\n`.
struct Writer<W: Write> {
    out: W,
    format: ExportFormat,
    written: usize,
}

impl<W: Write> Writer<W> {
    fn new(mut out: W, format: ExportFormat, trainee: Option<&str>) -> std::io::Result<Self> {
        match format {
            ExportFormat::Md => {}
            ExportFormat::Json => {
                let head = format!(
                    "{{\n  \"format\": 1,\n  \"trainee\": {},\n  \"exported_at\": {},\n  \"meetings\": [",
                    serde_json::to_string(&trainee)?,
                    serde_json::to_string(&crate::store::time::now())?
                );
                out.write_all(head.as_bytes())?;
            }
            ExportFormat::Csv => {
                out.write_all(row(CSV_HEADER).as_bytes())?;
                out.write_all(b"\n")?;
            }
            ExportFormat::Xapi => out.write_all(b"[")?,
        }
        Ok(Writer {
            out,
            format,
            written: 0,
        })
    }

    fn push(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        if chunk.is_empty() && self.format == ExportFormat::Xapi {
            // An unfinished meeting has no statements.
            return Ok(());
        }
        let sep: &[u8] = match (self.format, self.written) {
            (ExportFormat::Md, 0) | (ExportFormat::Csv, _) => b"",
            (ExportFormat::Md, _) => b"\n---\n\n",
            (ExportFormat::Json | ExportFormat::Xapi, 0) => b"\n",
            (ExportFormat::Json | ExportFormat::Xapi, _) => b",\n",
        };
        self.out.write_all(sep)?;
        self.out.write_all(chunk)?;
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<usize> {
        let tail: &[u8] = match (self.format, self.written) {
            (ExportFormat::Json, 0) => b"]\n}\n",
            (ExportFormat::Json, _) => b"\n  ]\n}\n",
            (ExportFormat::Xapi, 0) => b"]\n",
            (ExportFormat::Xapi, _) => b"\n]\n",
            _ => b"",
        };
        self.out.write_all(tail)?;
        self.out.flush()?;
        Ok(self.written)
    }
}

/// How many meetings each thread may be ahead of the writer.
const AHEAD: usize = 48;
/// How many meetings a thread takes at a time.
const BATCH: usize = 8;

/// Streams the export of the meetings `ids` names, in that order, to `out`: a
/// thread per core (at most four) takes the next meeting, reads and renders it;
/// this thread writes each one as soon as those before it are written. The
/// threads stay at most [`AHEAD`] meetings each ahead of the writer, so the
/// memory held is a few dozen meetings' worth whatever the size of the history.
/// A meeting whose file can no longer be read as it was listed is left out with
/// a warning. Returns how many meetings were written.
fn stream<W: Write>(store: &Store, ids: &[&str], how: &Render, out: W) -> std::io::Result<usize> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, PoisonError};
    type Part = Result<Vec<u8>, String>;
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 4);
    let window = threads * AHEAD;
    let one = |id: &str| -> Part {
        let r = store.read_listed(id)?;
        render_one(r, how).map_err(|e| format!("{id}: warning: {e}; it is skipped"))
    };
    let mut w = Writer::new(out, how.format, how.trainee)?;
    let next = AtomicUsize::new(0);
    // How many meetings are written, and whether the writer gave up.
    let gate = (Mutex::new((0usize, false)), Condvar::new());
    std::thread::scope(|s| -> std::io::Result<()> {
        // Meetings are taken and handed over a batch at a time: one wake-up of the
        // writer per batch, not per meeting.
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Vec<Part>)>();
        for _ in 0..threads {
            let (tx, next, gate, one) = (tx.clone(), &next, &gate, &one);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(BATCH, Ordering::Relaxed);
                    let Some(batch) = ids.get(i..(i + BATCH).min(ids.len())) else {
                        break;
                    };
                    if batch.is_empty() {
                        break;
                    }
                    let (lock, cv) = gate;
                    let mut g = lock.lock().unwrap_or_else(PoisonError::into_inner);
                    while !g.1 && i >= g.0 + window {
                        g = cv.wait(g).unwrap_or_else(PoisonError::into_inner);
                    }
                    let stop = g.1;
                    drop(g);
                    if stop
                        || tx
                            .send((i, batch.iter().map(|id| one(id)).collect()))
                            .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::HashMap::new();
        let mut written = 0;
        let mut write = |i: usize, parts: Vec<Part>| -> std::io::Result<()> {
            pending.insert(i, parts);
            while let Some(ps) = pending.remove(&written) {
                for p in ps {
                    match p {
                        Ok(chunk) => w.push(&chunk)?,
                        Err(warning) => crate::errln!("{warning}"),
                    }
                    written += 1;
                }
                let (lock, cv) = &gate;
                lock.lock().unwrap_or_else(PoisonError::into_inner).0 = written;
                cv.notify_all();
            }
            Ok(())
        };
        let res = rx.iter().try_for_each(|(i, parts)| write(i, parts));
        if res.is_err() {
            let (lock, cv) = &gate;
            lock.lock().unwrap_or_else(PoisonError::into_inner).1 = true;
            cv.notify_all();
        }
        res
    })?;
    w.finish()
}

/// What `export` was asked to do.
#[derive(Debug, Default)]
pub struct Args<'a> {
    /// One meeting (an id or a unique prefix).
    pub id: Option<&'a str>,
    /// Every saved meeting.
    pub all: bool,
    /// The format.
    pub format: Option<ExportFormat>,
    /// `--trainee`.
    pub trainee: Option<&'a str>,
    /// `--trainee-id` (xapi).
    pub trainee_id: Option<&'a str>,
    /// `--detail` (xapi).
    pub detail: Option<super::args::Detail>,
    /// `-o`.
    pub out: Option<&'a Path>,
    /// The user's scenario folders (for the statements' titles and segments).
    pub extra: &'a [std::path::PathBuf],
}

/// Runs the command.
///
/// # Errors
/// When the history cannot be read.
pub fn run(store: &Store, a: &Args) -> anyhow::Result<ExitCode> {
    let format = a.format.unwrap_or(ExportFormat::Md);
    if a.detail.is_some() && format != ExportFormat::Xapi {
        crate::errln!(
            "spin-coach: error: {}",
            super::statements::say(
                "--detail 只用于 --format xapi",
                "--detail applies to --format xapi only"
            )
        );
        return Ok(ExitCode::from(2));
    }
    if a.trainee_id.is_some() && format != ExportFormat::Xapi {
        crate::errln!(
            "spin-coach: error: {}",
            super::statements::say(
                "--trainee-id 只用于 --format xapi",
                "--trainee-id applies to --format xapi only"
            )
        );
        return Ok(ExitCode::from(2));
    }
    let (id, all, out) = (a.id, a.all, a.out);
    // One meeting is read here; the whole history is listed from its summaries
    // (newest first, as `history` shows it) and read as it is written.
    let (one, listed) = match (id, all) {
        (Some(id), false) => match store.find(id) {
            Ok(r) => (Some(r), Vec::new()),
            Err(e) => {
                crate::errln!("spin-coach: error: {e}");
                return Ok(ExitCode::from(1));
            }
        },
        (None, true) => (None, super::history::load_summaries(store)?),
        _ => {
            crate::errln!("spin-coach: error: give a meeting id or --all (not both)");
            return Ok(ExitCode::from(2));
        }
    };
    if format == ExportFormat::Xapi
        && let Some(r) = &one
        && r.status != crate::store::Status::Finished
    {
        crate::errln!(
            "spin-coach: error: {}",
            super::statements::say(
                &format!(
                    "会谈 `{}` 尚未结束：只有结束的会谈才生成 xAPI 记录（在训练器中继续并结束它）",
                    r.id
                ),
                &format!(
                    "meeting `{}` is unfinished: only finished meetings become xAPI statements (resume and end it in the trainer)",
                    r.id
                )
            )
        );
        return Ok(ExitCode::from(1));
    }
    let needs_config = a.trainee.is_none() || format == ExportFormat::Xapi;
    let cfg = if needs_config {
        match super::config::load_or_report() {
            Some(c) => c,
            None => return Ok(ExitCode::from(1)),
        }
    } else {
        super::config::Config::default()
    };
    let trainee = match a.trainee {
        Some(t) => Some(crate::text::sanitize_line(t)),
        None => cfg.trainee.as_deref().map(crate::text::sanitize_line),
    };
    let trainee = trainee.as_deref();
    let xapi = if format == ExportFormat::Xapi {
        match super::statements::settings(&cfg, trainee, a.trainee_id, a.detail.unwrap_or_default())
        {
            Ok(s) => Some((s, super::statements::catalogue(a.extra))),
            Err(why) => {
                crate::errln!("spin-coach: error: {why}");
                return Ok(ExitCode::from(2));
            }
        }
    } else {
        None
    };
    let how = Render {
        format,
        trainee,
        xapi: xapi.as_ref().map(|(s, c)| (s, c)),
    };
    let ids: Vec<&str> = listed.iter().map(|s| s.id.as_str()).collect();
    let write = |w: &mut dyn Write| -> std::io::Result<usize> {
        match &one {
            Some(r) => {
                let chunk = render_one(r.clone(), &how).map_err(std::io::Error::other)?;
                let mut w = Writer::new(w, format, trainee)?;
                w.push(&chunk)?;
                w.finish()
            }
            None => stream(store, &ids, &how, w),
        }
    };
    match out.filter(|p| p.as_os_str() != "-") {
        Some(p) => match atomic_write_with(p, |f| write(f)) {
            Ok(n) => crate::errln!(
                "wrote {n} meeting(s) to {}",
                crate::text::sanitize_line(&p.display().to_string())
            ),
            Err(e) => {
                let why = match e {
                    crate::store::StoreError::Io { source, .. } => source.to_string(),
                    other => other.to_string(),
                };
                crate::errln!(
                    "spin-coach: error: cannot write {}: {} (check that its folder exists and is writable, or choose another file with -o; `-o -` writes to standard output)",
                    crate::text::sanitize_line(&p.display().to_string()),
                    crate::text::sanitize_line(&why)
                );
                return Ok(ExitCode::from(1));
            }
        },
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            if let Err(e) = write(&mut lock) {
                crate::out::stdout_failed(&e);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
