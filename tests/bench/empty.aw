# bench: start a VM and run an empty script
