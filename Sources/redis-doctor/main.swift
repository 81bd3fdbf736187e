print("redis-doctor")
