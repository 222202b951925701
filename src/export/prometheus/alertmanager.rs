//! `alertmanager.yml`: a route to start from. One notification per server and health set
//! (a server down shows all its monitors of a set together), soon for a new problem,
//! again every few hours while it lasts. No inventory value goes in.

use super::emit;
use serde::Serialize;

#[derive(Serialize)]
struct AlertmanagerConfig {
    route: Route,
    receivers: Vec<Receiver>,
}

#[derive(Serialize)]
struct Route {
    receiver: &'static str,
    group_by: [&'static str; 2],
    group_wait: &'static str,
    group_interval: &'static str,
    repeat_interval: &'static str,
}

#[derive(Serialize)]
struct Receiver {
    name: &'static str,
}

const HEADER: &str = "\
# Made by `healthdeck export prometheus`: an example route for the healthdeck alerts.
# Fill in the receiver, e.g. a webhook or your paging tool:
#   receivers:
#     - name: on-call
#       webhook_configs:
#         - url: http://127.0.0.1:5001/
# group_wait: a monitor that turns Unhealthy with its neighbours arrives in one page.
# repeat_interval: a page stays answered for 4 h; acknowledge with a silence.
";

pub fn alertmanager_yml() -> Result<String, String> {
    let config = AlertmanagerConfig {
        route: Route {
            receiver: "on-call",
            group_by: ["server", "health_set"],
            group_wait: "30s",
            group_interval: "5m",
            repeat_interval: "4h",
        },
        receivers: vec![Receiver { name: "on-call" }],
    };
    emit(HEADER, &config)
}
