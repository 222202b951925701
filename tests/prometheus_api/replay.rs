//! A loopback HTTP server that answers each request with fixed bytes: a captured answer,
//! a broken one, or an exporter's page.

// Shared by the tests and the benchmark; each uses part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A loopback HTTP server answering every request with the bytes of the first route whose
/// key is in its request line, for as long as it lives. It records each request and tells
/// `served` about each answer.
pub struct Replay {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl Replay {
    pub fn serve(routes: Vec<(&'static str, Vec<u8>)>) -> Replay {
        Replay::serve_telling(routes, None)
    }

    pub fn serve_telling(
        routes: Vec<(&'static str, Vec<u8>)>,
        served: Option<tokio::sync::mpsc::UnboundedSender<()>>,
    ) -> Replay {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind replay");
        let addr = listener.local_addr().expect("replay addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen, stopped) = (Arc::clone(&requests), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let Some(request) = read_request(&mut stream) else {
                    continue;
                };
                let line = request.lines().next().unwrap_or_default().to_owned();
                seen.lock().unwrap().push(request);
                let answer = routes.iter().find(|(key, _)| line.contains(key));
                let bytes = answer.map_or(
                    &b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"[..],
                    |(_, b)| b,
                );
                // A client that hung up early is its own test's business.
                stream.write_all(bytes).ok();
                drop(stream);
                if let Some(tx) = &served {
                    tx.send(()).ok();
                }
            }
        });
        Replay {
            addr,
            requests,
            stop,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request so far: head and body.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Replay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the stop.
        TcpStream::connect(self.addr).ok();
    }
}

/// A request's head and its Content-Length body.
fn read_request(stream: &mut TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().ok()?;
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(head + &String::from_utf8_lossy(&body))
}
