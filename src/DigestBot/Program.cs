Console.WriteLine("digestbot");
