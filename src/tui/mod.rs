//! The trainer TUI: a thin shell over the core. One terminal guard, a blocking
//! event loop (idle CPU is zero), keys mapped to actions by a pure function,
//! and drawing that only reads the app.

pub mod action;
pub mod app;
pub mod big;
pub mod class;
pub mod history;
pub mod i18n;
pub mod keymap;
pub mod nav;
pub mod scenarios;
pub mod screens;
pub mod shared;
pub mod theme;
pub mod ui;
pub mod widgets;
pub mod wrap;

use crate::lang::Lang;
use action::Action;
use app::App;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::Write;
use std::path::PathBuf;

/// How the trainer starts.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Open this scenario's briefing directly (bundled id or path).
    pub scenario: Option<String>,
    /// Interface language; else from LANG / LC_ALL.
    pub lang: Option<Lang>,
    /// Extra scenario folders.
    pub extra: Vec<PathBuf>,
    /// Seed for reply variants.
    pub seed: u64,
    /// Draw the first frame and exit (for start-up measurement).
    pub first_frame_only: bool,
    /// Where meetings are saved; none: not saved.
    pub data_dir: Option<PathBuf>,
    /// Colour theme (default from NO_COLOR).
    pub theme: Option<theme::ThemeName>,
    /// Start in the projector layout.
    pub projector: bool,
    /// The first screen.
    pub start: Start,
}

/// Which screen the trainer opens on.
#[derive(Debug, Clone, Default)]
pub enum Start {
    /// The scenario picker (or a scenario's briefing when one is named).
    #[default]
    Picker,
    /// A saved meeting for a debrief.
    Replay {
        /// Meeting id, prefix or file.
        meeting: String,
        /// Hide scores until revealed.
        hide_scores: bool,
    },
    /// Theory cards and the quiz.
    Learn,
}

/// The interface language from the environment (LC_ALL, LC_MESSAGES, LANG).
#[must_use]
pub fn env_lang() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && let Some(l) = Lang::parse(&v)
        {
            return l;
        }
    }
    Lang::En
}

/// Undoes every terminal mode the trainer enables. Safe to call more than once.
pub fn restore() {
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Set while the trainer owns the terminal, so SIGCONT only takes it back then.
static ACTIVE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn enter_modes() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )
}

struct Guard;

impl Guard {
    fn enter() -> std::io::Result<Guard> {
        ACTIVE.store(true, std::sync::atomic::Ordering::SeqCst);
        let g = Guard;
        enter_modes()?;
        Ok(g)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        ACTIVE.store(false, std::sync::atomic::Ordering::SeqCst);
        restore();
    }
}

/// Restores the terminal on panic and on SIGTERM, SIGHUP, SIGQUIT and SIGINT
/// (then exits 128 + the signal); on SIGTSTP restores it and stops; on SIGCONT
/// takes it back and asks for a full redraw (through SIGWINCH, which the event
/// loop turns into a resize that clears the screen).
fn install_handlers() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
    if let Ok(mut signals) =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGTSTP, SIGCONT])
    {
        std::thread::spawn(move || {
            for sig in signals.forever() {
                let active = ACTIVE.load(std::sync::atomic::Ordering::SeqCst);
                match sig {
                    SIGTSTP => {
                        if active {
                            restore();
                        }
                        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                    }
                    SIGCONT => {
                        if active && enter_modes().is_ok() {
                            let _ = signal_hook::low_level::raise(SIGWINCH);
                        }
                    }
                    _ => {
                        restore();
                        std::process::exit(128 + sig);
                    }
                }
            }
        });
    }
}

/// The scenarios the picker shows: bundled (parsed when first opened), then user
/// folders (loaded and checked once, then listed from the scenario index in
/// `data_dir` while unchanged). Broken user files are skipped and returned as
/// messages.
#[must_use]
pub fn load_scenarios(
    extra: &[PathBuf],
    data_dir: Option<&std::path::Path>,
) -> (Vec<scenarios::Entry>, Vec<String>) {
    scenarios::discover(extra, data_dir)
}

/// Builds the app for the options (opening a scenario's briefing if asked).
///
/// # Errors
/// The problems of a scenario named on the command line.
pub fn build_app(opts: &Options) -> Result<App, Vec<crate::scenario::Problem>> {
    let (mut scenarios, errors) = load_scenarios(&opts.extra, opts.data_dir.as_deref());
    let mut open = None;
    if let Some(arg) = &opts.scenario {
        // Parsed once: the picker's entry takes this copy.
        let loaded = crate::scenario::resolve(arg, &opts.extra)?;
        open = scenarios
            .iter()
            .position(|e| e.meta.id == loaded.scenario.id.value && e.origin == loaded.origin);
        match open {
            Some(i) => scenarios[i].set(loaded),
            None => {
                scenarios.push(scenarios::Entry::loaded(loaded));
                open = Some(scenarios.len() - 1);
            }
        }
    }
    let mut app = App::new(scenarios, opts.lang.unwrap_or_else(env_lang), opts.seed);
    let sh = &mut app.shared;
    sh.store = opts.data_dir.clone().map(crate::store::Store::new);
    sh.refresh_history();
    if let Some(t) = opts.theme {
        sh.class.theme = t;
    }
    sh.class.projector = opts.projector;
    match &opts.start {
        Start::Picker => {}
        Start::Learn => app.open_learn(),
        Start::Replay {
            meeting,
            hide_scores,
        } => match screens::debrief::find(app.shared.store.as_ref(), meeting) {
            Ok(r) => app.open_debrief(r, *hide_scores),
            Err(e) => {
                return Err(vec![crate::scenario::Problem::error(
                    meeting,
                    0,
                    0,
                    e,
                    "see `spin-coach history` for saved meeting ids",
                )]);
            }
        },
    }
    if let Some(i) = open {
        app.open(i);
    }
    if !errors.is_empty() {
        app.shared.message = Some(errors.join("; "));
    }
    Ok(app)
}

/// Maps a terminal event to an action; `area` is the terminal's size (for clicks).
#[must_use]
pub fn event_action(ev: Event, app: &App, area: ratatui::layout::Rect) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::keymap(k, &app.view()),
        Event::Paste(p) => Some(Action::Paste(app::clean_paste(&p))),
        Event::Resize(..) => Some(Action::Resize),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::Down(event::MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
                area,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Ctrl+Z: restores the terminal and stops the process as SIGTSTP would (in raw
/// mode the terminal sends the key instead of the signal). The stop is synchronous,
/// so nothing is drawn on the shell's screen; after `fg` the terminal is taken back
/// here before the next frame (the SIGCONT thread does the same; both are idempotent).
fn suspend() -> std::io::Result<()> {
    restore();
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    enter_modes()
}

/// Makes the next frame draw every cell: blanks the screen, then draws a blank frame
/// so ratatui's previous buffer matches it. `Terminal::clear` would do the same but
/// asks the terminal for the cursor position first, and right after `fg` (or a
/// resize) that answer can come too late: the trainer then quit with "the cursor
/// position could not be read".
fn full_redraw<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
) -> anyhow::Result<()> {
    execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    )?;
    terminal
        .draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

/// Runs the trainer until the user quits.
///
/// # Errors
/// Terminal errors; scenario problems are printed before the terminal is touched.
pub fn run(opts: &Options) -> anyhow::Result<std::process::ExitCode> {
    let mut app = match build_app(opts) {
        Ok(a) => a,
        Err(ps) => {
            ps.iter().for_each(|p| crate::errln!("{p}"));
            return Ok(std::process::ExitCode::from(1));
        }
    };
    install_handlers();
    let guard = Guard::enter()?;
    let backend = ratatui::backend::CrosstermBackend::new(std::io::stdout());
    let mut terminal = ratatui::Terminal::new(backend)?;
    terminal.clear()?;
    loop {
        terminal.draw(|f| ui::draw(f, &app))?;
        if opts.first_frame_only || app.quitting() {
            break;
        }
        // A scenario file under edit is checked twice a second for changes (hot
        // reload); otherwise the loop blocks on input and idles at zero CPU.
        // The visible timer redraws once a second while it runs.
        let wait = match (app.scenario_file().is_some(), app.ticking()) {
            (true, _) => Some(std::time::Duration::from_millis(500)),
            (false, true) => Some(std::time::Duration::from_secs(1)),
            (false, false) => None,
        };
        if let Some(w) = wait
            && !event::poll(w)?
        {
            if app.file_changed() {
                app.update(Action::Reload);
            }
            continue;
        }
        let ev = event::read()?;
        if matches!(ev, Event::Resize(..)) {
            // Also sent after SIGCONT: the screen may hold anything, so draw it all.
            full_redraw(&mut terminal)?;
        }
        let size = terminal.size()?;
        let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
        match event_action(ev, &app, area) {
            Some(Action::Suspend) => {
                suspend()?;
                full_redraw(&mut terminal)?;
            }
            Some(a) => app.update(a),
            None => {}
        }
    }
    drop(terminal);
    drop(guard);
    app.shared.flush_history();
    Ok(std::process::ExitCode::SUCCESS)
}
