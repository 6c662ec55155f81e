using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Softswitch.Benchmarks.SipMessageBenchmarks).Assembly).Run(args);
