// Package settings names the keys of the store's settings table and the values some of them
// take, so that the UI, the CLI and the use cases read and write the same key.
package settings

// Keys of the settings table.
const (
	Lang            = "lang"             // the UI language: "sv" or "en"
	LastBoard       = "last_board"       // the board the start screen shows first
	Theme           = "theme"            // "system", "light" or "dark"
	Role            = "role"             // RoleOfficial or RoleCoordinator
	Clock           = "present.clock"    // "1" shows a clock on slides
	ExportFolder    = "export.folder"    // the folder the last submission was saved in
	WizardSelection = "wizard_selection" // "plan step id": the row selected last, for resuming
	OpenPlan        = "wizard_open_plan" // the id of the plan open in the wizard ("" when none)
	BackupFolder    = "backup.folder"    // the folder the last backup was saved in or restored from
)

// Roles: an official writes the board's plan; the coordinator also imports and oversees.
const (
	RoleOfficial    = "official"
	RoleCoordinator = "coordinator"
)
