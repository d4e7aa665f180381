//! The client's fixed vocabularies are the API's: they match the enums of the OpenAPI
//! excerpt in `tests/fixtures/coder-api/`, as the sandbox's own lists do.

use coder::allow_list::{RESOURCE_TYPES, parse_entry};

use crate::harness::fixture;

/// The values of the enum `definition` of the OpenAPI excerpt, in its order.
fn openapi_enum(definition: &str) -> Vec<String> {
    let document = fixture("openapi-tokens.json");
    let values = &document["definitions"][definition]["enum"];
    serde_json::from_value(values.clone())
        .unwrap_or_else(|e| panic!("{definition} has no enum of strings: {e}"))
}

#[test]
fn allow_list_types_are_the_rbac_resources_of_the_api() {
    let resources = openapi_enum("codersdk.RBACResource");
    assert_eq!(RESOURCE_TYPES.to_vec(), resources);
    // And what `--allow` accepts is exactly that list.
    for resource in &resources {
        let entry = format!("{resource}:*");
        let target = parse_entry(&entry).unwrap_or_else(|e| panic!("{entry}: {e}"));
        assert_eq!(target.kind, *resource);
    }
    let unknown = "workspaces:*";
    assert!(!resources.iter().any(|r| r == "workspaces"));
    assert!(parse_entry(unknown).is_err(), "{unknown}");
}
