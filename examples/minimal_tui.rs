//! The yardstick of `benches/perf.py`: the smallest ratatui 0.30 + crossterm 0.29
//! app that draws one paragraph, entering and leaving the terminal modes the
//! trainer uses (raw mode, alternate screen, bracketed paste, mouse capture).
//! With `--first-frame` it draws once and exits; otherwise it waits for a key.

#[cfg(feature = "tui")]
fn main() -> std::io::Result<()> {
    use ratatui::crossterm::event::{
        DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    };
    use ratatui::crossterm::execute;
    use ratatui::crossterm::terminal::{
        EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
    };
    use ratatui::widgets::{Block, Borders, Paragraph};
    let once = std::env::args().any(|a| a == "--first-frame");
    enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )?;
    let backend = ratatui::backend::CrosstermBackend::new(std::io::stdout());
    let mut terminal = ratatui::Terminal::new(backend)?;
    terminal.clear()?;
    terminal.draw(|f| {
        f.render_widget(
            Paragraph::new("Choose a scenario")
                .block(Block::default().borders(Borders::ALL).title(" minimal ")),
            f.area(),
        );
    })?;
    if !once {
        let _ = ratatui::crossterm::event::read()?;
    }
    drop(terminal);
    execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen
    )?;
    disable_raw_mode()
}

#[cfg(not(feature = "tui"))]
fn main() {
    eprintln!("minimal_tui needs the `tui` feature");
}
