//! Writes `ui/src/bindings.ts` from the one `specta_builder()`. `make test` runs this and then
//! fails if the committed file changed, so the UI's types never drift from the commands.

#[test]
fn typescript_bindings_are_generated_from_the_commands() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/bindings.ts");
    keel::specta_builder::<tauri::Wry>()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by `cargo test --test bindings`. Do not edit.\n"),
            path,
        )
        .expect("the command types must export to TypeScript");
    let written = std::fs::read_to_string(path).expect("the bindings file must exist");
    assert!(
        written.contains("loadPlan") && written.contains("export type Feature"),
        "the bindings must hold the commands and the domain types"
    );
}
