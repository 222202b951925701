//! The synthetic exporter Prometheus scrapes in the console benchmark: the series a healthdeck
//! agent writes (`healthdeck_probe_success`, `healthdeck_probe_duration_seconds`,
//! `healthdeck_probe_error_info` for failed probes) with its labels, for a whole fleet, on
//! one loopback target. Each scrape is written as it goes (nothing held), and the bench
//! hears about each one served.

use healthdeck::health::{Monitor, Probe, Role, Server};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;

/// `count` servers named `ex-00001`…, roles mixed 2 CAS : 2 Mailbox : 1 both (as the other
/// benches), twelve sites.
pub fn fleet(count: usize) -> Vec<Server> {
    (0..count)
        .map(|i| Server {
            name: format!("ex-{:05}", i + 1),
            role: match i % 5 {
                0 | 1 => Role::Cas,
                2 | 3 => Role::Mailbox,
                _ => Role::Both,
            },
            site: format!("site-{:02}", i % 12),
        })
        .collect()
}

/// The probes a server of `role` runs.
pub fn probes(role: Role) -> impl Iterator<Item = Probe> {
    Probe::all().filter(move |p| role.runs(p.role()))
}

/// About one probe in twenty fails, always the same ones.
fn failing(server: usize, probe: usize) -> bool {
    (server * 7 + probe) % 20 == 3
}

/// Serves `/metrics` for `servers` on a loopback port until the process ends; `scraped`
/// hears of each scrape once it is written.
pub fn serve(servers: Vec<Server>, scraped: mpsc::Sender<()>) -> SocketAddr {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind exporter");
    let addr = listener.local_addr().expect("exporter addr");
    std::thread::spawn(move || {
        for (round, stream) in listener.incoming().enumerate() {
            let Ok(stream) = stream else { continue };
            if answer(stream, &servers, round).is_ok() {
                // The bench may have stopped listening.
                scraped.send(()).ok();
            }
        }
    });
    addr
}

/// Writes one series' line, given its labels, server and probe positions.
type Line<'a> = dyn Fn(&mut BufWriter<TcpStream>, &str, usize, usize) -> std::io::Result<()> + 'a;

fn answer(stream: TcpStream, servers: &[Server], round: usize) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    // The request's head, to its empty line.
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut out = BufWriter::with_capacity(64 << 10, stream);
    // No length: the body ends as the connection closes.
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nConnection: close\r\n\r\n",
    )?;
    let each = |out: &mut BufWriter<TcpStream>, write: &Line<'_>| -> std::io::Result<()> {
        for (s, server) in servers.iter().enumerate() {
            for (p, probe) in probes(server.role).enumerate() {
                let labels = format!(
                    "server=\"{}\",role=\"{}\",site=\"{}\",health_set=\"{}\",probe=\"{}\"",
                    server.name,
                    server.role.label(),
                    server.site,
                    Monitor::judging(probe).health_set().name(),
                    probe.name()
                );
                write(out, &labels, s, p)?;
            }
        }
        Ok(())
    };
    out.write_all(b"# TYPE healthdeck_probe_success gauge\n")?;
    each(&mut out, &|out, labels, s, p| {
        let up = u8::from(!failing(s, p));
        writeln!(out, "healthdeck_probe_success{{{labels}}} {up}")
    })?;
    out.write_all(b"# TYPE healthdeck_probe_duration_seconds gauge\n")?;
    each(&mut out, &|out, labels, s, p| {
        // Varies by scrape, as real durations do.
        let seconds = 0.012 + ((s * 8 + p + round) % 97) as f64 / 1000.0;
        writeln!(
            out,
            "healthdeck_probe_duration_seconds{{{labels}}} {seconds}"
        )
    })?;
    out.write_all(b"# TYPE healthdeck_probe_error_info gauge\n")?;
    each(&mut out, &|out, labels, s, p| {
        if failing(s, p) {
            writeln!(
                out,
                "healthdeck_probe_error_info{{{labels},kind=\"timeout\"}} 1"
            )?;
        }
        Ok(())
    })?;
    out.flush()
}
