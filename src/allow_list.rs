//! `--allow <type>:<id>` entries, checked before any request is sent.

use crate::client::types::AllowTarget;

/// `codersdk.RBACResource` values (the OpenAPI excerpt's enum), `*` included.
pub const RESOURCE_TYPES: [&str; 53] = [
    "*",
    "ai_gateway_key",
    "ai_model_price",
    "ai_provider",
    "ai_seat",
    "aibridge_interception",
    "api_key",
    "assign_org_role",
    "assign_role",
    "audit_log",
    "boundary_log",
    "boundary_usage",
    "chat",
    "chat_model_config",
    "connection_log",
    "crypto_key",
    "debug_info",
    "deployment_config",
    "deployment_stats",
    "file",
    "group",
    "group_member",
    "idpsync_settings",
    "inbox_notification",
    "license",
    "mcp_server_config",
    "notification_message",
    "notification_preference",
    "notification_template",
    "oauth2_app",
    "oauth2_app_code_token",
    "oauth2_app_secret",
    "organization",
    "organization_member",
    "prebuilt_workspace",
    "provisioner_daemon",
    "provisioner_jobs",
    "replicas",
    "system",
    "tailnet_coordinator",
    "task",
    "template",
    "usage_event",
    "user",
    "user_secret",
    "user_skill",
    "webpush_subscription",
    "workspace",
    "workspace_agent_devcontainers",
    "workspace_agent_resource_monitor",
    "workspace_build_orchestration",
    "workspace_dormant",
    "workspace_proxy",
];

/// Parses one `<type>:<id>` entry; the error names the entry and what is wrong with it.
pub fn parse_entry(entry: &str) -> Result<AllowTarget<'static>, String> {
    if entry.trim().is_empty() {
        return Err("allow list entry cannot be empty".into());
    }
    let Some((kind, id)) = entry.split_once(':') else {
        return Err(format!(
            "invalid allow_list entry {entry:?}: want <type>:<id>"
        ));
    };
    if !RESOURCE_TYPES.contains(&kind) {
        return Err(format!(
            "invalid allow_list entry {entry:?}: unknown resource type {kind:?}"
        ));
    }
    let id = match id {
        "*" => id.to_string(),
        _ => canonical_uuid(id).ok_or_else(|| {
            format!(
                "invalid allow_list entry {entry:?}: invalid {kind} ID (must be UUID or *): {id:?}"
            )
        })?,
    };
    Ok(AllowTarget {
        kind: kind.to_string().into(),
        id: id.into(),
    })
}

/// A UUID in any form Go's `uuid.Parse` accepts (`8-4-4-4-12`, 32 hex digits,
/// `{…}`, `urn:uuid:…`; any case), written in the canonical lower-case form.
fn canonical_uuid(text: &str) -> Option<String> {
    let bare = match text.get(..9) {
        Some(prefix) if prefix.eq_ignore_ascii_case("urn:uuid:") => &text[9..],
        _ => text
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .unwrap_or(text),
    };
    let bytes = bare.as_bytes();
    let hex = match bytes.len() {
        36 if [8, 13, 18, 23].iter().all(|&i| bytes[i] == b'-') => bare.replace('-', ""),
        32 => bare.to_string(),
        _ => return None,
    };
    if hex.len() != 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let h = hex.to_ascii_lowercase();
    Some(format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_entries() {
        let t = parse_entry("workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5").unwrap();
        assert_eq!(
            t.display(),
            "workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5"
        );
        assert_eq!(parse_entry("*:*").unwrap().display(), "*:*");
        assert_eq!(parse_entry("template:*").unwrap().kind, "template");
    }

    #[test]
    fn each_mistake_is_named() {
        assert!(
            parse_entry("badvalue")
                .unwrap_err()
                .contains("invalid allow_list entry")
        );
        assert!(parse_entry("").unwrap_err().contains("cannot be empty"));
        assert!(
            parse_entry("bogus:*")
                .unwrap_err()
                .contains("unknown resource type \"bogus\"")
        );
        let err = parse_entry("workspace:123").unwrap_err();
        assert!(
            err.contains("invalid workspace ID") && err.contains("\"123\""),
            "{err}"
        );
        assert!(parse_entry("workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141dZ").is_err());
    }

    #[test]
    fn split_at_the_first_colon_and_ids_are_checked_for_every_type() {
        let err = parse_entry("workspace:*:x").unwrap_err();
        assert!(err.contains("\"*:x\""), "{err}");
        let err = parse_entry("template:").unwrap_err();
        assert!(err.contains("invalid template ID"), "{err}");
        assert!(
            parse_entry(":*")
                .unwrap_err()
                .contains("unknown resource type \"\"")
        );
        assert!(
            parse_entry("Workspace:*").is_err(),
            "types are case-sensitive"
        );
    }

    #[test]
    fn ids_take_every_uuid_form_go_accepts_and_are_sent_canonical() {
        let canonical = "dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5";
        for form in [
            canonical,
            "DBB02D01-E7D9-4C2A-B5F4-4153FF5141D5",
            "dbb02d01e7d94c2ab5f44153ff5141d5",
            "{dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5}",
            "urn:uuid:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5",
        ] {
            let target = parse_entry(&format!("*:{form}")).unwrap();
            assert_eq!(target.id, canonical, "{form}");
        }
        for bad in [
            "dbb02d01-e7d9-4c2a-b5f4-4153ff5141d",
            "dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5-",
            "dbb02d01e7d9-4c2a-b5f4-4153ff5141d5-",
            "{dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5",
            "dbb02d01-e7d9-4c2a-b5f4-4153ff5141dé",
        ] {
            assert!(parse_entry(&format!("workspace:{bad}")).is_err(), "{bad}");
        }
    }
}

/// The list is the API's own: the `codersdk.RBACResource` enum of the OpenAPI excerpt
/// the tests keep (`tests/fixtures/coder-api/`).
#[cfg(test)]
mod vocabulary {
    use super::*;

    #[test]
    fn resource_types_are_the_rbac_resources_of_the_api() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/coder-api/openapi-tokens.json"
        );
        let document: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let resources: Vec<String> = serde_json::from_value(
            document["definitions"]["codersdk.RBACResource"]["enum"].clone(),
        )
        .unwrap();
        assert_eq!(RESOURCE_TYPES.to_vec(), resources);
        // And what `--allow` accepts is exactly that list.
        for resource in &resources {
            let entry = format!("{resource}:*");
            let target = parse_entry(&entry).unwrap_or_else(|e| panic!("{entry}: {e}"));
            assert_eq!(&target.kind, resource);
        }
        assert!(!resources.iter().any(|r| r == "workspaces"));
        assert!(parse_entry("workspaces:*").is_err());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::fuzz::{input, quoted};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn allow_list_entries_parse_or_name_the_input(text in input("[ *a-z_:{}-]{0,12}[0-9a-fA-F{}-]{0,40}")) {
            match parse_entry(&text) {
                Ok(target) => prop_assert_eq!(Some(target.kind.as_ref()), text.split(':').next()),
                Err(message) if text.trim().is_empty() => prop_assert!(message.contains("empty"), "{message}"),
                Err(message) => prop_assert!(message.contains(&quoted(&text)), "{message}"),
            }
        }
    }
}
