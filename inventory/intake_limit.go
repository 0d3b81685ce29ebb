package inventory

// MaxIntakeBytes bounds a computer list read by intake import and intake
// check (a file or standard input). A GLPI export of 12 columns takes about
// 200 bytes a row, one with 44 wide columns 1.7 KiB: a 10,000-row export is
// 2 to 17 MB (TestIntakeBoundFitsLargeExports). A file past 64 MiB is not
// a DSI batch (a disk image or a database given by mistake).
const MaxIntakeBytes = 64 << 20
