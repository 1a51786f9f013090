"""Countries as the United Nations names and groups them (`countries.un`), shared by the apps that show or ask for one."""
