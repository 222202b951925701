//! Several requests on one connection, as Prometheus scrapes: HTTP/1.1 stays open unless
//! the client says `close`, HTTP/1.0 only when it asks; a request sent before the previous
//! answer, or a broken one, is answered 400 and the connection closed; an idle connection
//! does not hold SIGTERM's exit. Every wait is a read with a deadline, never a sleep.

use super::dovecot::Dovecot;
use super::{inventory, sample, start};
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A connection to the agent, read one answer at a time.
struct Client {
    reader: BufReader<TcpStream>,
}

/// One answer: the status code, the `Connection` header and the body.
struct Answer {
    code: u16,
    connection: String,
    body: String,
}

impl Client {
    fn open(address: &str) -> Client {
        let stream = TcpStream::connect(address).unwrap();
        // Far below the agent's 90 s idle timeout, so a close is the agent's doing.
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        Client {
            reader: BufReader::new(stream),
        }
    }

    fn send(&mut self, raw: &str) {
        self.reader.get_mut().write_all(raw.as_bytes()).unwrap();
    }

    /// One answer, its body read by its Content-Length (which it must have).
    fn answer(&mut self) -> Answer {
        let mut line = String::new();
        self.reader.read_line(&mut line).unwrap();
        let code = line.split(' ').nth(1).unwrap().parse().unwrap();
        let (mut length, mut connection) = (None, String::new());
        loop {
            line.clear();
            self.reader.read_line(&mut line).unwrap();
            let Some((name, value)) = line.trim_end().split_once(": ") else {
                break;
            };
            match name {
                "Content-Length" => length = Some(value.parse().unwrap()),
                "Connection" => value.clone_into(&mut connection),
                _ => {}
            }
        }
        let mut body = vec![0; length.expect("an answer without Content-Length")];
        self.reader.read_exact(&mut body).unwrap();
        Answer {
            code,
            connection,
            body: String::from_utf8(body).unwrap(),
        }
    }

    /// The agent closed its side: end of file, or a reset (not a read timeout).
    fn closed(&mut self) -> bool {
        let mut byte = [0];
        match self.reader.read(&mut byte) {
            Ok(0) => true,
            Err(e) if e.kind() == ErrorKind::ConnectionReset => true,
            Ok(_) => false,
            Err(e) => panic!("the connection stayed open: {e}"),
        }
    }
}

fn metrics(version: &str, connection: &str) -> String {
    format!("GET /metrics {version}\r\nHost: agent\r\n{connection}\r\n")
}

/// A Dovecot and an agent serving it (the Dovecot kept for as long as the test runs).
fn agent() -> (Dovecot, tempfile::TempDir, super::Started) {
    let dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let started = start(&inventory(&dovecot, dir.path()), "64");
    (dovecot, dir, started)
}

#[test]
fn two_requests_on_one_connection_get_two_answers() {
    let (_dovecot, _dir, (mut agent, address, _)) = agent();
    let mut client = Client::open(&address);
    client.send("GET /probe?server=cas-01&probe=ImapCTPProbe HTTP/1.1\r\nHost: agent\r\n\r\n");
    let probe = client.answer();
    assert_eq!((probe.code, probe.connection.as_str()), (200, "keep-alive"));
    assert!(
        probe.body.contains("healthdeck_probe_success{"),
        "{}",
        probe.body
    );
    client.send(&metrics("HTTP/1.1", ""));
    let counts = client.answer();
    assert_eq!(
        (counts.code, counts.connection.as_str()),
        (200, "keep-alive")
    );
    let succeeded = "healthdeck_agent_probes_total{result=\"success\"}";
    assert_eq!(sample(&counts.body, succeeded), "1", "{}", counts.body);
    agent.kill().unwrap();
    agent.wait().unwrap();
}

#[test]
fn connection_close_closes_after_the_answer() {
    let (_dovecot, _dir, (mut agent, address, _)) = agent();
    let mut client = Client::open(&address);
    client.send(&metrics("HTTP/1.1", "Connection: close\r\n"));
    let answer = client.answer();
    assert_eq!((answer.code, answer.connection.as_str()), (200, "close"));
    assert!(client.closed());
    agent.kill().unwrap();
    agent.wait().unwrap();
}

#[test]
fn http_1_0_closes_unless_keep_alive_is_asked() {
    let (_dovecot, _dir, (mut agent, address, _)) = agent();
    let mut plain = Client::open(&address);
    plain.send(&metrics("HTTP/1.0", ""));
    assert_eq!(plain.answer().connection, "close");
    assert!(plain.closed());

    let mut kept = Client::open(&address);
    for _ in 0..2 {
        kept.send(&metrics("HTTP/1.0", "Connection: keep-alive\r\n"));
        let answer = kept.answer();
        assert_eq!(
            (answer.code, answer.connection.as_str()),
            (200, "keep-alive")
        );
    }
    agent.kill().unwrap();
    agent.wait().unwrap();
}

#[test]
fn an_idle_kept_connection_does_not_delay_the_exit_on_sigterm() {
    let (_dovecot, _dir, (agent, address, mut stderr)) = agent();
    let mut idle = Client::open(&address);
    idle.send(&metrics("HTTP/1.1", ""));
    assert_eq!(idle.answer().connection, "keep-alive");

    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(i32::try_from(agent.id()).unwrap()),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    // Closed by the agent well before its idle timeout (the read's own deadline is shorter).
    assert!(idle.closed());
    let (tx, rx) = std::sync::mpsc::channel();
    let mut agent = agent;
    std::thread::spawn(move || tx.send(agent.wait().unwrap()).unwrap());
    let status = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the agent did not exit after SIGTERM");
    assert!(status.success(), "{status}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("healthdeck agent: stopped"), "{rest}");
}

#[test]
fn a_pipelined_second_request_gets_400_and_the_connection_closed() {
    let (_dovecot, _dir, (mut agent, address, _)) = agent();
    let mut client = Client::open(&address);
    // Both heads in one write: the second arrives before the first answer.
    client.send(&(metrics("HTTP/1.1", "") + &metrics("HTTP/1.1", "")));
    let first = client.answer();
    assert_eq!((first.code, first.connection.as_str()), (200, "keep-alive"));
    let second = client.answer();
    assert_eq!((second.code, second.connection.as_str()), (400, "close"));
    assert!(
        second.body.contains("before the previous answer"),
        "{}",
        second.body
    );
    assert!(client.closed());
    agent.kill().unwrap();
    agent.wait().unwrap();
}

#[test]
fn a_malformed_second_request_gets_400_and_the_connection_closed() {
    let (_dovecot, _dir, (mut agent, address, _)) = agent();
    let mut client = Client::open(&address);
    client.send(&metrics("HTTP/1.1", ""));
    assert_eq!(client.answer().code, 200);
    client.send("GET /metrics\r\n\r\n");
    let second = client.answer();
    assert_eq!((second.code, second.connection.as_str()), (400, "close"));
    assert!(
        second.body.contains("METHOD PATH HTTP/1.x"),
        "{}",
        second.body
    );
    assert!(client.closed());
    agent.kill().unwrap();
    agent.wait().unwrap();
}

#[test]
fn past_the_kept_connections_a_scrape_is_answered_and_closed_never_refused() {
    let (_dovecot, _dir, (mut agent, address, _)) = agent();
    // Prometheus may hold hundreds of idle connections to one agent: 256 are kept…
    let mut kept: Vec<Client> = (0..256).map(|_| Client::open(&address)).collect();
    for client in &mut kept {
        client.send(&metrics("HTTP/1.1", ""));
        assert_eq!(client.answer().connection, "keep-alive");
    }
    // …and the next is served once, then closed: a scrape past the bound still succeeds.
    let mut extra = Client::open(&address);
    extra.send(&metrics("HTTP/1.1", ""));
    let answer = extra.answer();
    assert_eq!((answer.code, answer.connection.as_str()), (200, "close"));
    assert!(extra.closed());
    agent.kill().unwrap();
    agent.wait().unwrap();
}
