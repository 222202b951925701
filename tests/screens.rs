//! Whole screens rendered into a buffer: snapshots plus the content a person relies on.
#![allow(clippy::unwrap_used)]

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::event::Event;
use healthdeck::update::{AppState, update};
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use common::screen::{render, text, theme};

fn press(state: &mut AppState, code: KeyCode) {
    update(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The default scenario eight minutes in.
fn incident(width: u16, height: u16) -> AppState {
    common::played("imap-backend-down", 480, width, height)
}

/// Where `needle` starts on the line that also contains `row`.
fn find(buf: &Buffer, row: &str, needle: &str) -> (u16, u16) {
    let screen = text(buf);
    for (y, line) in screen.lines().enumerate() {
        if line.contains(row) && line.contains(needle) {
            let before = &line[..line.find(needle).unwrap()];
            return (
                unicode_width::UnicodeWidthStr::width(before) as u16,
                y as u16,
            );
        }
    }
    panic!("no `{needle}` on the `{row}` line:\n{screen}");
}

#[test]
fn grid_at_120x36() {
    let state = incident(120, 36);
    let screen = text(&render(&state, &theme("default"), false));
    for header in [
        "IMAP",
        "IMAP.Proxy",
        "IMAP.Protocol",
        "POP",
        "POP.Proxy",
        "POP.Protocol",
    ] {
        assert!(
            screen.lines().nth(1).unwrap().contains(header),
            "{header} missing:\n{screen}"
        );
    }
    assert!(screen.starts_with(" TRAINING ×10 "));
    let mbx02 = screen.lines().find(|l| l.contains("mbx-02")).unwrap();
    assert!(mbx02.contains("✖ Unhealthy"), "{mbx02}");
    insta::assert_snapshot!("grid_120x36", screen);
}

#[test]
fn grid_at_80x24_uses_four_letter_words_and_wrapped_headers() {
    let state = incident(80, 24);
    let screen = text(&render(&state, &theme("default"), false));
    let header: Vec<&str> = screen.lines().skip(1).take(2).collect();
    let (top, bottom) = (header[0], header[1]);
    assert!(top.contains("IMAP") && top.contains("POP"));
    assert_eq!(top.matches("IMAP.").count(), 2, "{top}");
    assert_eq!(top.matches("POP.").count(), 2, "{top}");
    assert_eq!(bottom.matches("Proxy").count(), 2, "{bottom}");
    assert_eq!(bottom.matches("Protocol").count(), 2, "{bottom}");
    let mbx02 = screen.lines().find(|l| l.contains("mbx-02")).unwrap();
    assert!(mbx02.contains("✖UNHL"), "{mbx02}");
    assert!(
        !screen.contains("Unhealthy"),
        "no full words below 120 columns"
    );
    assert!(screen.starts_with(" TRAINING ×10 "));
    insta::assert_snapshot!("grid_80x24", screen);
}

#[test]
fn drill_down_at_both_sizes() {
    for (width, height) in [(120, 36), (80, 24)] {
        let mut state = incident(width, height);
        press(&mut state, KeyCode::Char('n'));
        press(&mut state, KeyCode::Char('n'));
        press(&mut state, KeyCode::Enter);
        let screen = text(&render(&state, &theme("default"), false));
        assert!(
            screen.contains("mbx-02 (MBX, AMS) › IMAP.Protocol"),
            "{screen}"
        );
        assert!(screen.contains("ImapDeepTestMonitor") && screen.contains("ImapSelfTestMonitor"));
        assert!(screen.contains("MSExchangeIMAP4BE"), "target service shown");
        assert!(
            screen.contains("ImapDeepTestProbe") && screen.contains("ImapSelfTestProbe"),
            "every monitor in full when they fit"
        );
        assert!(
            screen.contains("2 consecutive failures") || screen.contains("3 failures within 15m")
        );
        assert!(screen.contains("failing"), "n/threshold failing");
        assert!(screen.starts_with(" TRAINING ×10 "));
        insta::assert_snapshot!(format!("drill_{width}x{height}"), screen);
    }
}

#[test]
fn rule_progress_never_reads_more_failing_than_the_rule_needs() {
    // Eight minutes in, mbx-02's self test has failed far more often than its rule's 2.
    let mut state = incident(120, 36);
    press(&mut state, KeyCode::Char('n'));
    press(&mut state, KeyCode::Char('n'));
    press(&mut state, KeyCode::Enter);
    let screen = text(&render(&state, &theme("default"), false));
    let mut seen = 0;
    for word in screen.split_whitespace() {
        let Some((n, of)) = word.split_once('/') else {
            continue;
        };
        if let (Ok(n), Ok(of)) = (n.parse::<u32>(), of.parse::<u32>()) {
            assert!(n <= of, "{word} failing:\n{screen}");
            seen += 1;
        }
    }
    assert!(seen >= 2, "{screen}");
    assert!(
        screen.contains("so far)"),
        "how many so far is said apart:\n{screen}"
    );
}

#[test]
fn help_lists_the_keys_and_the_log() {
    let mut state = incident(80, 24);
    press(&mut state, KeyCode::Char('?'));
    let screen = text(&render(&state, &theme("default"), false));
    for needle in [
        "Keys",
        "next / previous Unhealthy",
        "filter servers",
        "suspend",
        "quit",
        "/state/healthdeck.log",
    ] {
        assert!(screen.contains(needle), "{needle}:\n{screen}");
    }
    insta::assert_snapshot!("help_80x24", screen);
}

#[test]
fn too_small_says_so_instead_of_drawing() {
    let state = incident(40, 12);
    let screen = text(&render(&state, &theme("default"), false));
    assert!(screen.contains("terminal too small"));
    assert!(screen.contains("40x12, need 80x24"));
    insta::assert_snapshot!("too_small_40x12", screen);
    // Narrower than its lines, they wrap: the way out is whole.
    let narrow = text(&render(&incident(20, 6), &theme("default"), false));
    assert!(
        narrow.contains("or q to") && narrow.contains("quit"),
        "{narrow}"
    );
}

#[test]
fn unhealthy_cells_are_white_on_red_in_the_default_theme() {
    for (width, word, ok) in [(80, "UNHL", "OK"), (120, "Unhealthy", "Healthy")] {
        let state = incident(width, 36);
        let buf = render(&state, &theme("default"), false);
        let (x, y) = find(&buf, "mbx-02", word);
        for dx in 0..4 {
            let cell = &buf[(x + dx, y)];
            assert_eq!(cell.bg, Color::Red, "background of {word}");
            assert_eq!(cell.fg, Color::White, "bright white text");
        }
        let (x, y) = find(&buf, "mbx-01", ok);
        assert_ne!(buf[(x, y)].bg, Color::Red, "a healthy cell is not red");
    }
}

#[test]
fn monochrome_has_no_colour_but_keeps_meaning() {
    let state = incident(80, 24);
    let buf = render(&state, &theme("monochrome"), false);
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        text(&buf).contains("✖UNHL"),
        "glyph and word carry the state"
    );
}

#[test]
fn ascii_mode_draws_only_ascii() {
    let mut state = incident(80, 24);
    let screen = text(&render(&state, &theme("default"), true));
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.contains("XUNHL") && screen.starts_with(" TRAINING x10 "));
    press(&mut state, KeyCode::Char('?'));
    assert!(text(&render(&state, &theme("default"), true)).is_ascii());
}

#[test]
fn problems_under_the_grid_are_worst_first_then_oldest_with_the_reason() {
    let state = incident(80, 24);
    let screen = text(&render(&state, &theme("default"), false));
    let lines: Vec<&str> = screen.lines().collect();
    let title = lines
        .iter()
        .position(|l| l.contains("2 problems, worst first"))
        .unwrap();
    assert!(
        lines[title + 1].contains("mbx-02 IMAP.Protocol"),
        "the older problem first"
    );
    assert!(lines[title + 1].contains("ImapSelfTestMonitor: MSExchangeIMAP4BE"));
    assert!(
        lines[title + 2].contains("cas-02 IMAP") && lines[title + 2].contains("proxied to mbx-02")
    );
    let healthy = common::played("imap-backend-down", 0, 80, 24);
    assert!(text(&render(&healthy, &theme("default"), false)).contains("no problems"));
}

#[test]
fn dry_run_and_read_only_stand_out_in_the_banner() {
    let mut state = incident(80, 24);
    state.launch.banner.dry_run = true;
    state.launch.banner.read_only = true;
    let buf = render(&state, &theme("default"), false);
    let top = text(&buf).lines().next().unwrap().to_owned();
    assert!(
        top.starts_with(" TRAINING ×10  DRY-RUN  READ-ONLY "),
        "{top}"
    );
    let (x, y) = find(&buf, "TRAINING", "DRY-RUN");
    assert_eq!(buf[(x, y)].bg, Color::Yellow, "guards in their own colour");
}

#[test]
fn a_latency_problem_says_how_slow() {
    let state = common::played("pop-slow-commands", 900, 120, 36);
    let screen = text(&render(&state, &theme("default"), false));
    let line = screen.lines().find(|l| l.contains("cas-01 POP ")).unwrap();
    assert!(
        line.contains("AverageCommandProcessingTimeGt60sMonitor: mean command latency 70 s"),
        "{screen}"
    );
}

/// The prober says it is 300 probes behind, the oldest 90 s late, at its ceiling.
fn behind() -> Event {
    Event::Pace(healthdeck::probe_plan::pace::Pace {
        limit: 64,
        ceiling: 64,
        late: 300,
        worst_late: std::time::Duration::from_millis(89_200),
        window: None,
    })
}

#[test]
fn a_prober_behind_its_schedule_says_so_in_the_banner_at_both_sizes() {
    for (width, height, words) in [
        (120, 36, "PROBER BEHIND: 300 late, up to 1m30s"),
        (80, 24, "BEHIND 300 1m30s"),
    ] {
        let mut state = incident(width, height);
        update(&mut state, behind());
        let buf = render(&state, &theme("default"), false);
        let screen = text(&buf);
        let banner = screen.lines().next().unwrap();
        assert!(banner.contains(words), "{banner}");
        let (x, y) = find(&buf, words, words);
        assert_eq!(y, 0);
        assert_eq!(buf[(x, y)].fg, Color::Red, "said in the Unhealthy colour");
        let status = screen.lines().last().unwrap();
        assert!(
            status.contains("prober behind: 300 late: at its ceiling of 64"),
            "{status}"
        );
    }
}

#[test]
fn the_drill_down_shows_the_interval_a_late_probe_really_got() {
    let mut state = incident(120, 36);
    press(&mut state, KeyCode::Char('n'));
    press(&mut state, KeyCode::Char('n'));
    press(&mut state, KeyCode::Enter);
    let on_time = text(&render(&state, &theme("default"), false));
    assert!(
        !on_time.contains(" apart"),
        "on schedule, `every 1m` is true:\n{on_time}"
    );
    // mbx-02's deep test, run 2m30s after the last one because it started 90 s late.
    let server = state
        .fleet
        .servers()
        .iter()
        .position(|s| s.name == "mbx-02")
        .unwrap();
    let monitor = healthdeck::health::Monitor::ALL
        .into_iter()
        .find(|m| m.name() == "ImapDeepTestMonitor")
        .unwrap();
    let probe = monitor.probe().unwrap();
    let last = state.fleet.cadence(server, monitor).unwrap().ran.unwrap();
    let at = last + chrono::TimeDelta::seconds(150) + chrono::TimeDelta::milliseconds(40);
    update(
        &mut state,
        Event::Probes(vec![healthdeck::health::ProbeReport {
            server,
            probe,
            at,
            succeeded: false,
            latency_ms: 40,
            error: Some("timed out".into()),
            late_ms: 90_000,
        }]),
    );
    let screen = text(&render(&state, &theme("default"), false));
    assert!(
        screen.contains("ImapDeepTestProbe every 1m (last 2m30s apart, 1m30s late)"),
        "{screen}"
    );
}

#[test]
fn long_server_names_stay_whole_at_120_columns() {
    // Real names are longer than the training fleet's: at 120 columns the whole words
    // would leave six characters for them, and `exmbx-ams-0…` twice tells nothing apart.
    use healthdeck::health::{FleetState, MonitorPolicy, Role, Server};
    let servers: Vec<Server> = (1..=3)
        .map(|i| Server {
            name: format!("exmbx-ams-{i:02}"),
            role: Role::Mailbox,
            site: "AMS".into(),
        })
        .collect();
    let fleet = FleetState::new(servers, MonitorPolicy::defaults(), false);
    let mut state = common::production(fleet, "ams", chrono::DateTime::UNIX_EPOCH);
    update(
        &mut state,
        Event::Resize {
            width: 120,
            height: 36,
        },
    );
    let screen = text(&render(&state, &theme("default"), false));
    for i in 1..=3 {
        let name = format!("exmbx-ams-{i:02}");
        let row = screen.lines().find(|l| l.contains(&name));
        assert!(
            row.is_some_and(|r| r.contains("UNKN")),
            "{name} whole:\n{screen}"
        );
    }
    assert!(
        screen.lines().nth(1).unwrap().contains("IMAP.Protocol"),
        "{screen}"
    );
}

#[test]
fn a_probe_that_cannot_run_says_why_in_the_drill_down() {
    // No credentials: the deep test cannot log in, so it never runs. "no result yet" would
    // have the engineer wait for a result that never comes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fleet.yaml");
    std::fs::write(
        &path,
        "name: lab\nservers:\n  - { name: mbx-01, role: mailbox, site: LAB, imap: [{ host: 127.0.0.1, port: 1, tls: none }] }\n",
    )
    .unwrap();
    let inventory = healthdeck::config::inventory::Inventory::load(&path).unwrap();
    let probing = healthdeck::runtime::prober::prepare(&inventory).unwrap();
    let fleet = healthdeck::health::FleetState::new(inventory.fleet(), inventory.policies(), false);
    let mut state = common::production(fleet, "lab", chrono::DateTime::UNIX_EPOCH);
    healthdeck::launch::RealFleet::of(&inventory, &probing).apply(&mut state.launch);
    update(
        &mut state,
        Event::Resize {
            width: 120,
            height: 36,
        },
    );
    press(&mut state, KeyCode::Right);
    press(&mut state, KeyCode::Right);
    press(&mut state, KeyCode::Enter);
    let screen = text(&render(&state, &theme("default"), false));
    let deep = screen
        .lines()
        .skip_while(|l| !l.contains("ImapDeepTestMonitor"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        deep.contains("cannot run: ") && deep.contains("credentials"),
        "{deep}\n{screen}"
    );
    let own = screen
        .lines()
        .skip_while(|l| !l.contains("ImapSelfTestMonitor"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        own.contains("no result yet"),
        "the self test runs:\n{screen}"
    );
}

#[test]
fn long_server_names_cut_at_80_columns_still_tell_servers_apart() {
    // Twenty columns for the server at 80: a name is cut in the middle, so the end that
    // tells `exmbx-ams-01` from `exmbx-ams-02` stays on screen.
    let servers: Vec<healthdeck::health::Server> = (1..=3)
        .map(|i| healthdeck::health::Server {
            name: format!("exmbx-ams-{i:02}"),
            role: healthdeck::health::Role::Mailbox,
            site: "AMS".into(),
        })
        .collect();
    let fleet = healthdeck::health::FleetState::new(
        servers,
        healthdeck::health::MonitorPolicy::defaults(),
        false,
    );
    let mut state = common::production(fleet, "ams", chrono::DateTime::UNIX_EPOCH);
    update(
        &mut state,
        Event::Resize {
            width: 80,
            height: 24,
        },
    );
    let screen = text(&render(&state, &theme("default"), false));
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains("MBX")).collect();
    assert_eq!(rows.len(), 3, "{screen}");
    for (i, row) in rows.iter().enumerate() {
        let name = row
            .split_whitespace()
            .next()
            .unwrap()
            .trim_start_matches('›');
        assert!(
            name.ends_with(&format!("-{:02}", i + 1)),
            "{name} in:\n{screen}"
        );
        assert!(name.starts_with("ex") && name.contains('…'), "{name}");
    }
}
