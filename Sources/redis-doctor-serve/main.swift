ServeMain.run()
