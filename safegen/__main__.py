from safegen.cli import main

main()
