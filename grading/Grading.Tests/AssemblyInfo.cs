// Verbs that run notebooks start engine sessions, which redirect Console and set the process's current directory.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
