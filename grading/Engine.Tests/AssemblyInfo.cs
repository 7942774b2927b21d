// A session redirects Console and sets the current directory for the process, as the real kernel's process does:
// tests that start sessions must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
